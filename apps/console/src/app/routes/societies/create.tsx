import { Navigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { SocietyForm } from '@/features/societies/components/society-form';
import { societiesMessages } from '@/features/societies/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useCurrentUser } from '@/lib/session';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, societiesMessages);

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
