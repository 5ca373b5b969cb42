import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { webhookKeys } from './keys';
import type { DeliveryListQuery, DeliveryPage } from './types';

export async function getDeliveries(id: string, query: DeliveryListQuery, signal?: AbortSignal): Promise<DeliveryPage> {
  return expectData(await api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id }, query }, signal }));
}

/** The delivery log; refreshed every few seconds while open, since the worker changes it on its own. */
export function useDeliveries(id: string, query: DeliveryListQuery) {
  return useQuery({
    queryKey: webhookKeys.deliveryPage(id, query),
    queryFn: ({ signal }) => getDeliveries(id, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
}
