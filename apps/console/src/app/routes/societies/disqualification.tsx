import { PageHeader } from '@/components/page-header';
import { DisqualificationList } from '@/features/governance/components/disqualification-list';
import { governanceMessages } from '@/features/governance/messages';
import { registerMessages, useI18n } from '@/lib/i18n';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(governanceMessages);

export function DisqualificationRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.societies'), to: '/societies' }, { title: t('nav.disqualification') }]}
        title={t('disq.title')}
        subTitle={t('disq.description')}
      />
      <DisqualificationList />
    </>
  );
}
