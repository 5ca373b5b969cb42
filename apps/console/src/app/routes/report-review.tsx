import { PageHeader } from '@/components/page-header';
import { ReportQueue } from '@/features/governance/components/report-queue';
import { useI18n } from '../i18n';
import { ReadOnlyTag } from './admin/read-only-tag';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/governance';
import '@/app/messages/labels';

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
