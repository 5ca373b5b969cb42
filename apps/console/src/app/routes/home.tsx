import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useCurrentUser } from '@/lib/session';
import { useI18n } from '../i18n';
import { navigationFor } from '../navigation';

export function HomeRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const first = navigationFor(user)[0];
  if (first) return <Navigate to={first.to} replace />;
  return <Result status="info" title={t('app.name')} subTitle={t('nav.noAccess')} />;
}
