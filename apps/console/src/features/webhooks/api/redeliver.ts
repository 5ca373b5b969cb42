import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData, newIdempotencyKey } from '@/lib/api-client';
import { webhookKeys } from './keys';
import type { Delivery } from './types';

export interface RedeliverInput {
  webhookId: string;
  deliveryId: string;
}

/** Each click is a new request to send again, so each gets its own key. */
export async function redeliver({ webhookId, deliveryId }: RedeliverInput): Promise<Delivery> {
  return expectData(
    await api.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
      params: { path: { id: webhookId, deliveryId } },
      headers: { 'Idempotency-Key': newIdempotencyKey() },
    }),
  );
}

export function useRedeliver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: redeliver,
    onSettled: (_data, _error, input) =>
      queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(input.webhookId) }),
  });
}
