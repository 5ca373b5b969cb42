import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { clientKeys } from './keys';
import type { ClientCreate, ClientWithSecret } from './types';

export interface CreateClientInput {
  body: ClientCreate;
  idempotencyKey: string;
}

/** The answer carries the client secret: the only time it is ever shown. */
export async function createClient({ body, idempotencyKey }: CreateClientInput): Promise<ClientWithSecret> {
  return expectData(await api.POST('/v1/clients', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.lists() }),
  });
}
