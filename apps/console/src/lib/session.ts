import type { paths } from '@society-hub/client';
import { useSyncExternalStore } from 'react';
import { api, configureSession, expectData, setAccessToken } from './api-client';

export type SessionGrant = paths['/v1/auth/login']['post']['responses'][200]['content']['application/json'];
export type SessionUser = SessionGrant['user'];

/** Rotates the httpOnly refresh cookie into a new access token (401 when there is no valid cookie). */
export async function refresh(): Promise<SessionGrant> {
  return expectData(await api.POST('/v1/auth/refresh'));
}

export type Session =
  | { status: 'restoring' }
  | { status: 'anonymous'; reason: 'none' | 'expired' | 'signed_out' }
  | { status: 'authenticated'; user: SessionUser };

let session: Session = { status: 'restoring' };
const listeners = new Set<() => void>();

function setSession(next: Session): void {
  session = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function establishSession(grant: SessionGrant): void {
  setAccessToken(grant.accessToken);
  setSession({ status: 'authenticated', user: grant.user });
}

export function endSession(reason: 'expired' | 'signed_out' | 'none'): void {
  setAccessToken(undefined);
  if (session.status === 'anonymous' && reason === 'expired') return;
  setSession({ status: 'anonymous', reason });
}

/**
 * Single flight: the refresh cookie rotates on use and reusing an old one revokes the whole family,
 * so concurrent callers (StrictMode double effects, parallel 401s) must share one request.
 */
let inFlight: Promise<boolean> | undefined;

export function refreshSession(): Promise<boolean> {
  inFlight ??= refresh()
    .then((grant) => {
      establishSession(grant);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}

/** Called once at start: a valid refresh cookie brings the previous session back without a login. */
export async function restoreSession(): Promise<void> {
  if (session.status !== 'restoring') return;
  const restored = await refreshSession();
  if (!restored && session.status === 'restoring') setSession({ status: 'anonymous', reason: 'none' });
}

configureSession({
  refresh: refreshSession,
  expired: () => {
    if (session.status === 'authenticated') endSession('expired');
  },
  // The router then shows only the change-password screen (app/router.tsx).
  passwordChangeRequired: () => {
    if (session.status === 'authenticated' && !session.user.mustChangePassword) {
      setSession({ status: 'authenticated', user: { ...session.user, mustChangePassword: true } });
    }
  },
});

export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session);
}

export function useCurrentUser(): SessionUser {
  const current = useSession();
  if (current.status !== 'authenticated') throw new Error('useCurrentUser outside an authenticated route');
  return current.user;
}
