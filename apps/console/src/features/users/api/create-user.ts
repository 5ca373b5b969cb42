import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { userKeys } from './keys';
import type { User, UserCreate } from './types';

export interface CreateUserInput {
  body: UserCreate;
  /** The same key for every retry of one submission, so a lost response never creates a duplicate. */
  idempotencyKey: string;
}

export async function createUser({ body, idempotencyKey }: CreateUserInput): Promise<User> {
  return expectData(await api.POST('/v1/users', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}
