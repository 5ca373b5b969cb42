import type { paths } from '@society-hub/client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectData, newIdempotencyKey } from '@/lib/api-client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type MessageListQuery = NonNullable<paths['/v1/messages']['get']['parameters']['query']>;
export type MessagePage = Json<paths['/v1/messages']['get']['responses'][200]>;
export type MessageSummary = MessagePage['items'][number];
export type Message = Json<paths['/v1/messages/{id}']['get']['responses'][200]>;
export type MessageStatus = MessageSummary['status'];
export type MessageChannel = MessageSummary['channel'];

export const MESSAGE_STATUSES: readonly MessageStatus[] = ['queued', 'sent', 'failed', 'kept'];
export const MESSAGE_CHANNELS: readonly MessageChannel[] = ['email', 'sms'];

export const messageKeys = {
  all: ['messages'] as const,
  list: (query: MessageListQuery) => [...messageKeys.all, 'list', query] as const,
  detail: (id: string) => [...messageKeys.all, 'detail', id] as const,
};

/** The message log (发信记录), newest first; the recipients come masked. */
export function useMessages(query: MessageListQuery) {
  return useQuery({
    queryKey: messageKeys.list(query),
    queryFn: async ({ signal }) => expectData(await api.GET('/v1/messages', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One message with its text and the provider's last answer. */
export function useMessage(id: string) {
  return useQuery({
    queryKey: messageKeys.detail(id),
    queryFn: async ({ signal }) => expectData(await api.GET('/v1/messages/{id}', { params: { path: { id } }, signal })),
  });
}

/** Queues the message to be sent again; each click is a new request, so each gets its own key. */
export function useRedeliverMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await api.POST('/v1/messages/{id}/redeliver', {
        params: { path: { id } },
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: messageKeys.all }),
  });
}
