import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotModifiedResponse, sendCacheable } from '../../lib/http-cache';
import { IdParams, problems, ref } from '../../lib/schemas';
import {
  PublicFundingProgramPageSchema,
  PublicFundingProgramQuerySchema,
  PublicSocietyPageSchema,
  PublicSocietyProfileSchema,
  PublicSocietyQuerySchema,
} from './directory.schemas';
import type { DirectoryService } from './directory.service';

export interface DirectoryRouteOptions {
  directory: DirectoryService;
  /** Requests per minute one address may make to each listing (shared by every API process). */
  perMinute: number;
  cacheSeconds: number;
}

const tags = ['public'];

/** `/v1/public/societies`: the directory of active societies, for anyone. */
export const publicSocietyRoutes: FastifyPluginAsyncTypebox<DirectoryRouteOptions> = async (
  app,
  { directory, perMinute, cacheSeconds },
) => {
  app.get(
    '/',
    {
      config: { access: 'public', rateLimit: { max: perMinute, timeWindow: 60_000 } },
      schema: {
        operationId: 'listPublicSocieties',
        tags,
        summary: 'Directory of active societies with their published contacts (no login)',
        description: 'Cacheable: answers carry Cache-Control and an ETag; send If-None-Match to get 304.',
        querystring: PublicSocietyQuerySchema,
        response: { 200: ref(PublicSocietyPageSchema), 304: NotModifiedResponse, ...problems(429) },
      },
    },
    async (request, reply) => sendCacheable(request, reply, await directory.societies(request.query), cacheSeconds),
  );

  app.get(
    '/:id',
    {
      config: { access: 'public', rateLimit: { max: perMinute, timeWindow: 60_000 } },
      schema: {
        operationId: 'getPublicSociety',
        tags,
        summary: 'An active society’s public page: its directory entry, grade, membership range and funded projects',
        description:
          'No login. 404 for a society that is not active (preparing, dormant or gone), as for one that does not exist. Cacheable like the directory: Cache-Control, an ETag, 304 for If-None-Match.',
        params: IdParams,
        response: {
          200: ref(PublicSocietyProfileSchema),
          304: NotModifiedResponse,
          ...problems(404, 429),
        },
      },
    },
    async (request, reply) => sendCacheable(request, reply, await directory.society(request.params.id), cacheSeconds),
  );
};

/** `/v1/public/funding-programs`: the calls open for applications now. */
export const publicProgramRoutes: FastifyPluginAsyncTypebox<DirectoryRouteOptions> = async (
  app,
  { directory, perMinute, cacheSeconds },
) => {
  app.get(
    '/',
    {
      config: { access: 'public', rateLimit: { max: perMinute, timeWindow: 60_000 } },
      schema: {
        operationId: 'listPublicFundingPrograms',
        tags,
        summary: 'Funding calls open for applications now, closing soonest first (no login)',
        description: 'Cacheable: answers carry Cache-Control and an ETag; send If-None-Match to get 304.',
        querystring: PublicFundingProgramQuerySchema,
        response: { 200: ref(PublicFundingProgramPageSchema), 304: NotModifiedResponse, ...problems(429) },
      },
    },
    async (request, reply) => sendCacheable(request, reply, await directory.openPrograms(request.query), cacheSeconds),
  );
};
