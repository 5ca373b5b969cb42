import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Principal } from '@/lib/authorization';
import { useCurrentUser } from '@/lib/session';

/** Pages a role may not use are not merely hidden from the menu: a typed-in URL leads home as well. */
export function RequirePolicy({ allow, children }: { allow: (user: Principal) => boolean; children: ReactNode }) {
  const user = useCurrentUser();
  return allow(user) ? children : <Navigate to="/" replace />;
}
