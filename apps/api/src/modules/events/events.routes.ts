import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { principalOf } from '../../lib/request-context';
import { ref } from '../../lib/schemas';
import { EventPageSchema, EventQuerySchema } from './events.schemas';
import type { EventService } from './events.service';

export const eventRoutes: FastifyPluginAsyncTypebox<{ events: EventService }> = async (app, { events }) => {
  app.get(
    '/',
    {
      config: { access: ACCESS.events.read },
      schema: {
        operationId: 'listEvents',
        tags: ['integration'],
        summary: 'The change feed: every change in commit order, from a cursor',
        description:
          'Poll with the last `nextCursor` as `after`; events come in a final order (an event never appears behind a cursor already handed out). A machine client sees the event families its read scopes cover (society.* needs societies:read, member.* members:read, experts expert.*, funding program/application/review/assignment/objection/calendar), and a client bound to societies only their events.',
        querystring: EventQuerySchema,
        response: { 200: ref(EventPageSchema) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return events.feed(principalOf(request), request.query);
    },
  );
};
