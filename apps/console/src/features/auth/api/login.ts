import { useMutation } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { establishSession, type SessionGrant } from '@/lib/session';
import type { LoginBody } from './types';

export async function login(body: LoginBody): Promise<SessionGrant> {
  return expectData(await api.POST('/v1/auth/login', { body }));
}

export function useLogin() {
  return useMutation({
    mutationFn: login,
    onSuccess: establishSession,
  });
}
