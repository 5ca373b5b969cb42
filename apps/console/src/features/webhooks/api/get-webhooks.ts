import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { webhookKeys } from './keys';
import type { WebhookListQuery, WebhookPage } from './types';

export async function getWebhooks(query: WebhookListQuery, signal?: AbortSignal): Promise<WebhookPage> {
  return expectData(await api.GET('/v1/webhooks', { params: { query }, signal }));
}

export function webhooksQueryOptions(query: WebhookListQuery) {
  return queryOptions({
    queryKey: webhookKeys.list(query),
    queryFn: ({ signal }) => getWebhooks(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useWebhooks(query: WebhookListQuery) {
  return useQuery(webhooksQueryOptions(query));
}
