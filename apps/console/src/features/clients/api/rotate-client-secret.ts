import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData, newIdempotencyKey } from '@/lib/api-client';
import { clientKeys } from './keys';
import type { ClientWithSecret } from './types';

export interface RotateClientSecretInput {
  id: string;
}

/** Every confirmed rotation is a new intent, so each gets its own key; the old secret stops working. */
export async function rotateClientSecret({ id }: RotateClientSecretInput): Promise<ClientWithSecret> {
  return expectData(
    await api.POST('/v1/clients/{id}/secret', {
      params: { path: { id } },
      headers: { 'Idempotency-Key': newIdempotencyKey() },
    }),
  );
}

export function useRotateClientSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateClientSecret,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.lists() }),
  });
}
