import { App } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Navigate } from 'react-router';
import type { Principal } from '@/lib/authorization';
import { useCurrentUser } from '@/lib/session';
import { useI18n } from '../i18n';

/** Pages a role may not use are not merely hidden from the menu: a typed-in URL leads home as well, with a word why. */
export function RequirePolicy({ allow, children }: { allow: (user: Principal) => boolean; children: ReactNode }) {
  const user = useCurrentUser();
  const allowed = allow(user);
  const { message } = App.useApp();
  const { t } = useI18n();
  useEffect(() => {
    // A fixed key: StrictMode's second effect replaces the message instead of stacking another.
    if (!allowed) void message.warning({ key: 'no-access', content: t('nav.denied') });
  }, [allowed, message, t]);
  return allowed ? children : <Navigate to="/" replace />;
}
