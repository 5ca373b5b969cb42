import { Navigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { SocietyForm } from '@/features/societies/components/society-form';
import { policies } from '@/lib/authorization';
import { useCurrentUser } from '@/lib/session';
import { useI18n } from '../../i18n';

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
