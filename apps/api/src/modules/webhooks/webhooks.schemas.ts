import { EVENT_TYPE_PATTERN } from '@society-hub/domain';
import { Type } from 'typebox';
import { Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';

const EventTypes = Type.Array(
  Type.String({
    pattern: EVENT_TYPE_PATTERN,
    description: 'An exact type (member.created), a family (member.*) or * for everything the client may read',
  }),
  { minItems: 1, maxItems: 50, uniqueItems: true },
);

const webhookFields = {
  id: Uuid,
  clientId: Type.String({ format: 'uuid', description: 'The machine client the subscription belongs to' }),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  description: Nullable(Type.String()),
  version: Type.Integer({ minimum: 1 }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const WebhookSchema = Type.Object(webhookFields, {
  $id: 'Webhook',
  additionalProperties: false,
  description:
    'A subscription: events the client may read (its scopes and societies, as in the change feed) that match eventTypes, POSTed to url and signed with the secret',
});

export const WebhookWithSecretSchema = Type.Object(
  {
    ...webhookFields,
    secret: Type.String({ description: 'Signs every delivery (docs/webhooks.md). Shown only in this response' }),
  },
  { $id: 'WebhookWithSecret', additionalProperties: false },
);

export const WebhookCreateSchema = Type.Object(
  {
    clientId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Staff: the client to subscribe. A client leaves it out (itself)' }),
    ),
    url: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'https to a public host (plain http only to hosts allowed by WEBHOOK_INTERNAL_HOSTS)',
    }),
    eventTypes: EventTypes,
    description: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { $id: 'WebhookCreate', additionalProperties: false },
);

export const WebhookPageSchema = pageOf(WebhookSchema, 'WebhookPage');
export const WebhookListQuerySchema = Type.Object(
  { clientId: Type.Optional(Type.String({ format: 'uuid' })), ...PageQuery },
  { additionalProperties: false },
);

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export const DeliveryStatusSchema = Type.Enum(DELIVERY_STATUSES, {
  $id: 'WebhookDeliveryStatus',
  description: 'pending: waiting for its (next) attempt; succeeded: the receiver answered 2xx; failed: given up',
});

export const DeliveryAttemptSchema = Type.Object(
  {
    attempt: Type.Integer({ minimum: 1 }),
    at: Timestamp,
    durationMs: Type.Integer({ minimum: 0 }),
    statusCode: Nullable(Type.Integer()),
    error: Nullable(Type.String()),
  },
  { $id: 'WebhookDeliveryAttempt', additionalProperties: false },
);

export const DeliverySchema = Type.Object(
  {
    id: Uuid,
    webhookId: Uuid,
    eventId: Uuid,
    eventType: Type.String(),
    status: ref(DeliveryStatusSchema),
    attempts: Type.Integer({ minimum: 0, description: 'Attempts since it was queued or last redelivered' }),
    nextAttemptAt: Nullable(Timestamp),
    lastAttemptAt: Nullable(Timestamp),
    lastStatusCode: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    deliveredAt: Nullable(Timestamp),
    createdAt: Timestamp,
    log: Type.Array(ref(DeliveryAttemptSchema), { description: 'Every attempt, newest first (at most 20)' }),
  },
  { $id: 'WebhookDelivery', additionalProperties: false },
);

export const DeliveryPageSchema = pageOf(DeliverySchema, 'WebhookDeliveryPage');
export const DeliveryListQuerySchema = Type.Object(
  { status: Type.Optional(ref(DeliveryStatusSchema)), ...PageQuery },
  { additionalProperties: false },
);

export const DeliveryParams = Type.Object({ id: Uuid, deliveryId: Uuid });

export const webhookSchemas = [
  WebhookSchema,
  WebhookWithSecretSchema,
  WebhookCreateSchema,
  WebhookPageSchema,
  DeliveryStatusSchema,
  DeliveryAttemptSchema,
  DeliverySchema,
  DeliveryPageSchema,
];
