import { Navigate } from 'react-router';
import { Result } from '@/components/query-error';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { policies } from '@/lib/authorization';
import { useCurrentUser } from '@/lib/session';
import { useI18n } from '../i18n';
import { navigationFor } from '../navigation';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/dashboard';
import '@/app/messages/labels';

/** The dashboard for those who oversee all societies; everyone else goes to their first page. */
export function HomeRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  if (policies.viewDashboard(user)) return <DashboardPage />;
  const first = navigationFor(user)[0];
  if (first) return <Navigate to={first.to} replace />;
  return <Result status="info" title={t('app.name')} subTitle={t('nav.noAccess')} />;
}
