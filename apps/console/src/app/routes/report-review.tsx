import { PageHeader } from '@/components/page-header';
import { ReportQueue } from '@/features/governance/components/report-queue';
import { governanceMessages } from '@/features/governance/messages';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { ReadOnlyTag } from './admin/read-only-tag';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(governanceMessages, labelsMessages);

export function ReportReviewRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.reportReview') }]}
        title={t('queue.title')}
        tags={<ReadOnlyTag />}
        subTitle={t('queue.description')}
      />
      <ReportQueue />
    </>
  );
}
