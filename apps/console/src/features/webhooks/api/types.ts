import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type WebhookListQuery = NonNullable<paths['/v1/webhooks']['get']['parameters']['query']>;
export type WebhookPage = Json<paths['/v1/webhooks']['get']['responses'][200]>;
export type Webhook = Json<paths['/v1/webhooks/{id}']['get']['responses'][200]>;
export type WebhookCreate = Json<NonNullable<paths['/v1/webhooks']['post']['requestBody']>>;
export type WebhookWithSecret = Json<paths['/v1/webhooks']['post']['responses'][201]>;
export type DeliveryListQuery = NonNullable<paths['/v1/webhooks/{id}/deliveries']['get']['parameters']['query']>;
export type DeliveryPage = Json<paths['/v1/webhooks/{id}/deliveries']['get']['responses'][200]>;
export type Delivery = DeliveryPage['items'][number];
export type DeliveryStatus = Delivery['status'];
export type EventQuery = NonNullable<paths['/v1/events']['get']['parameters']['query']>;
export type EventPage = Json<paths['/v1/events']['get']['responses'][200]>;
export type FeedEvent = EventPage['items'][number];
