import { Navigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { SocietyForm } from '@/features/societies/components/society-form';
import { policies } from '@/lib/authorization';
import { useCurrentUser } from '@/lib/session';
import { useI18n } from '../../i18n';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/labels';
import '@/app/messages/societies';

export function SocietyCreateRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  if (!policies.createSociety(user)) return <Navigate to="/societies" replace />;
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.societies'), to: '/societies' }, { title: t('society.form.createTitle') }]}
        title={t('society.form.createTitle')}
      />
      <SocietyForm />
    </>
  );
}
