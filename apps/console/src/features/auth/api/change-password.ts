import { useMutation } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { establishSession, type SessionGrant } from '@/lib/session';
import type { PasswordChangeBody } from './types';

/** One's own password, with the current one; the answer is a new session (every other one has ended). */
export async function changePassword(body: PasswordChangeBody): Promise<SessionGrant> {
  return expectData(await api.POST('/v1/auth/password', { body }));
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword, onSuccess: establishSession });
}
