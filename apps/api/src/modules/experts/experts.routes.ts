import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf } from '../../lib/request-context';
import { IdParams, problems, ref } from '../../lib/schemas';
import { ImportResponseSchema } from '../members/members.schemas';
import {
  ExpertCreateSchema,
  ExpertImportRequestSchema,
  ExpertListQuerySchema,
  ExpertPageSchema,
  ExpertPatchSchema,
  ExpertSchema,
} from './experts.schemas';
import type { ExpertService } from './experts.service';

const tags = ['experts'];
const READ = { roles: ['admin', 'auditor'], scope: 'experts:read' } as const;
const WRITE = { roles: ['admin'], scope: 'experts:write' } as const;

export const expertRoutes: FastifyPluginAsyncTypebox<{ experts: ExpertService }> = async (app, { experts }) => {
  app.get(
    '/',
    {
      config: { access: READ },
      schema: {
        operationId: 'listExperts',
        tags,
        summary: 'The expert pools (科技专家库 / 科普专家库)',
        querystring: ExpertListQuerySchema,
        response: { 200: ref(ExpertPageSchema) },
      },
    },
    async (request) => experts.list(request.query),
  );

  app.post(
    '/',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'createExpert',
        tags,
        summary: 'Add an expert (senior title required)',
        body: ref(ExpertCreateSchema),
        response: { 201: ref(ExpertSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => {
      const expert = await experts.create(callerOf(request), request.body);
      return sendCreated(reply, `/v1/experts/${expert.id}`, expert);
    },
  );

  app.post(
    '/import',
    {
      config: { access: WRITE },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        operationId: 'importExperts',
        tags,
        summary: 'Import up to 1000 experts, with per-row results',
        body: ref(ExpertImportRequestSchema),
        response: { 200: ref(ImportResponseSchema) },
      },
    },
    async (request) => experts.import(callerOf(request), request.body),
  );

  app.get(
    '/:id',
    {
      config: { access: READ },
      schema: {
        operationId: 'getExpert',
        tags,
        summary: 'An expert',
        params: IdParams,
        response: { 200: ref(ExpertSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const expert = await experts.get(request.params.id);
      setEtag(reply, expert.version);
      return expert;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updateExpert',
        tags,
        summary: 'Change an expert (needs If-Match)',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: ref(ExpertPatchSchema),
        response: { 200: ref(ExpertSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const expert = await experts.update(callerOf(request), request.params.id, expectedVersion(request), request.body);
      setEtag(reply, expert.version);
      return expert;
    },
  );
};
