import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag } from '@/lib/api-client';
import { webhookKeys } from './keys';

export interface DeleteWebhookInput {
  id: string;
  version: number;
}

export async function deleteWebhook({ id, version }: DeleteWebhookInput): Promise<void> {
  await api.DELETE('/v1/webhooks/{id}', { params: { path: { id } }, headers: { 'If-Match': etag(version) } });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWebhook,
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.lists() }),
  });
}
