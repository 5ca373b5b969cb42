import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { userKeys } from './keys';
import type { PasswordReset, User } from './types';

export interface ResetPasswordInput {
  id: string;
  body: PasswordReset;
  idempotencyKey: string;
}

export async function resetPassword({ id, body, idempotencyKey }: ResetPasswordInput): Promise<User> {
  return expectData(
    await api.POST('/v1/users/{id}/password', {
      params: { path: { id } },
      headers: { 'Idempotency-Key': idempotencyKey },
      body,
    }),
  );
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}
