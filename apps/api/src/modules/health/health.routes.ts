import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { problems, ref } from '../../lib/schemas';
import { pingDatabase } from './health.repository';

const HealthSchema = Type.Object(
  { status: Type.Literal('ok'), database: Type.Optional(Type.Literal('ok')) },
  { $id: 'Health', additionalProperties: false },
);
export const healthSchemas = [HealthSchema];

export const healthRoutes: FastifyPluginAsyncTypebox<{ db: DB }> = async (app, { db }) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getHealth',
        tags: ['system'],
        summary: 'Liveness: the process answers',
        response: { 200: ref(HealthSchema) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getReadiness',
        tags: ['system'],
        summary: 'Readiness: the database answers',
        response: { 200: ref(HealthSchema), ...problems(503) },
      },
    },
    async () => {
      try {
        await pingDatabase(db);
      } catch {
        throw new AppError(503, 'service_unavailable', 'The database is not reachable.', {}, { 'retry-after': '5' });
      }
      return { status: 'ok' as const, database: 'ok' as const };
    },
  );
};
