import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData, newIdempotencyKey } from '@/lib/api-client';
import { signingKeyKeys } from './keys';
import type { SigningKey } from './types';

export async function rotateSigningKey(): Promise<SigningKey> {
  return expectData(await api.POST('/v1/signing-keys', { headers: { 'Idempotency-Key': newIdempotencyKey() } }));
}

export function useRotateSigningKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateSigningKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signingKeyKeys.all }),
  });
}
