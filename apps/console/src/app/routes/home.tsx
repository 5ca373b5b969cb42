import { Navigate } from 'react-router';
import { Result } from '@/components/query-error';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { dashboardMessages } from '@/features/dashboard/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useCurrentUser } from '@/lib/session';
import { navigationFor } from '../navigation';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(dashboardMessages, labelsMessages);

/** The dashboard for those who oversee all societies; everyone else goes to their first page. */
export function HomeRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  if (policies.viewDashboard(user)) return <DashboardPage />;
  const first = navigationFor(user)[0];
  if (first) return <Navigate to={first.to} replace />;
  return <Result status="info" title={t('app.name')} subTitle={t('nav.noAccess')} />;
}
