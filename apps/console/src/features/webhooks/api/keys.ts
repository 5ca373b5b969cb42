import type { DeliveryListQuery, EventQuery, WebhookListQuery } from './types';

export const webhookKeys = {
  all: ['webhooks'] as const,
  lists: () => [...webhookKeys.all, 'list'] as const,
  list: (query: WebhookListQuery) => [...webhookKeys.lists(), query] as const,
  deliveries: (id: string) => [...webhookKeys.all, 'deliveries', id] as const,
  deliveryPage: (id: string, query: DeliveryListQuery) => [...webhookKeys.deliveries(id), query] as const,
  events: (query: Omit<EventQuery, 'after'>) => ['events', query] as const,
};
