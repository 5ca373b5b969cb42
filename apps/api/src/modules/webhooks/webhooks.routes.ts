import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { Type } from 'typebox';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, principalOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, problems, ref } from '../../lib/schemas';
import {
  DeliveryListQuerySchema,
  DeliveryPageSchema,
  DeliveryParams,
  DeliverySchema,
  WebhookCreateSchema,
  WebhookListQuerySchema,
  WebhookPageSchema,
  WebhookSchema,
  WebhookWithSecretSchema,
} from './webhooks.schemas';
import type { WebhookService } from './webhooks.service';

const tags = ['integration'];
/** Staff see and manage every subscription; a machine client its own (others' are 404). */
const READ = ACCESS.webhooks.read;
const WRITE = ACCESS.webhooks.write;

export const webhookRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhookService }> = async (app, { webhooks }) => {
  app.get(
    '/',
    {
      config: { access: READ },
      schema: {
        operationId: 'listWebhooks',
        tags,
        summary: 'Webhook subscriptions, newest first',
        querystring: WebhookListQuerySchema,
        response: { 200: ref(WebhookPageSchema) },
      },
    },
    async (request) => webhooks.list(principalOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { access: WRITE, idempotentReplay: 'withhold' },
      schema: {
        operationId: 'createWebhook',
        tags,
        summary: 'Subscribe a machine client to events; the signing secret is shown only in this response',
        description:
          'Deliveries carry what the client’s change feed would show it (its scopes and societies) among eventTypes. The URL must be https to a public host; see docs/webhooks.md for the signature.',
        body: ref(WebhookCreateSchema),
        response: { 201: ref(WebhookWithSecretSchema), ...problems(422) },
      },
    },
    async (request, reply) => {
      const webhook = await webhooks.create(callerOf(request), request.body);
      reply.header('cache-control', 'no-store');
      return sendCreated(reply, `/v1/webhooks/${webhook.id}`, webhook);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: READ },
      schema: {
        operationId: 'getWebhook',
        tags,
        summary: 'A webhook subscription',
        params: IdParams,
        response: { 200: ref(WebhookSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const webhook = await webhooks.get(principalOf(request), request.params.id);
      setEtag(reply, webhook.version);
      return webhook;
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'deleteWebhook',
        tags,
        summary: 'Unsubscribe; the delivery log goes with it. Needs If-Match',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problems(404, 412, 428) },
      },
    },
    async (request, reply) => {
      await webhooks.remove(callerOf(request), request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/:id/deliveries',
    {
      config: { access: READ },
      schema: {
        operationId: 'listWebhookDeliveries',
        tags,
        summary: 'The delivery log: one entry per event, with every attempt',
        params: IdParams,
        querystring: DeliveryListQuerySchema,
        response: { 200: ref(DeliveryPageSchema), ...problems(404) },
      },
    },
    async (request) => webhooks.deliveries(principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/deliveries/:deliveryId/redeliver',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'redeliverWebhookDelivery',
        tags,
        summary: 'Send a delivery again (a fresh round of attempts), e.g. after the receiver is fixed',
        params: DeliveryParams,
        response: { 202: ref(DeliverySchema), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const delivery = await webhooks.redeliver(callerOf(request), request.params.id, request.params.deliveryId);
      return reply.code(202).send(delivery);
    },
  );
};
