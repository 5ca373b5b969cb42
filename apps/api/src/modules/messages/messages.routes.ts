import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { callerOf } from '../../lib/request-context';
import { IdParams, problems, ref } from '../../lib/schemas';
import { MessageListQuerySchema, MessagePageSchema, MessageSchema } from './messages.schemas';
import type { MessageService } from './messages.service';

const tags = ['messages'];

export const messageRoutes: FastifyPluginAsyncTypebox<{ messages: MessageService }> = async (app, { messages }) => {
  app.get(
    '/',
    {
      config: { access: ACCESS.messages.read },
      schema: {
        operationId: 'listMessages',
        tags,
        summary: 'Messages sent, waiting or kept (发信记录), newest first; addresses masked',
        querystring: MessageListQuerySchema,
        response: { 200: ref(MessagePageSchema) },
      },
    },
    async (request) => messages.list(request.query),
  );

  app.get(
    '/:id',
    {
      config: { access: ACCESS.messages.read },
      schema: {
        operationId: 'getMessage',
        tags,
        summary: 'A message with its text and the provider’s last answer',
        params: IdParams,
        response: { 200: ref(MessageSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return messages.get(request.params.id);
    },
  );

  app.post(
    '/:id/redeliver',
    {
      config: { access: ACCESS.messages.redeliver },
      schema: {
        operationId: 'redeliverMessage',
        tags,
        summary: 'Send a message again (a fresh round of attempts)',
        params: IdParams,
        response: { 202: ref(MessageSchema), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const message = await messages.redeliver(callerOf(request), request.params.id);
      return reply.code(202).send(message);
    },
  );
};
