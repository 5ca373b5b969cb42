import { PageHeader } from '@/components/page-header';
import { DisqualificationList } from '@/features/governance/components/disqualification-list';
import { useI18n } from '../../i18n';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/governance';

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
