import { type ReactNode, useContext, useEffect } from 'react';
import { Navigate } from 'react-router';
import type { Principal } from '@/lib/authorization';
import { useCurrentUser } from '@/lib/session';
import { AccessNoticeContext } from '../access-notice';

/** Pages a role may not use are not merely hidden from the menu: a typed-in URL leads home as well, with a word why. */
export function RequirePolicy({ allow, children }: { allow: (user: Principal) => boolean; children: ReactNode }) {
  const user = useCurrentUser();
  const allowed = allow(user);
  const noticeDenied = useContext(AccessNoticeContext);
  useEffect(() => {
    if (!allowed) noticeDenied();
  }, [allowed, noticeDenied]);
  return allowed ? children : <Navigate to="/" replace />;
}
