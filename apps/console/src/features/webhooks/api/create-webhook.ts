import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { webhookKeys } from './keys';
import type { WebhookCreate, WebhookWithSecret } from './types';

export interface CreateWebhookInput {
  body: WebhookCreate;
  idempotencyKey: string;
}

/** The answer carries the signing secret: the only time it is ever shown. */
export async function createWebhook({ body, idempotencyKey }: CreateWebhookInput): Promise<WebhookWithSecret> {
  return expectData(await api.POST('/v1/webhooks', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.lists() }),
  });
}
