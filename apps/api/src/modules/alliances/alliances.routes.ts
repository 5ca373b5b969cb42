import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { Type } from 'typebox';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, principalOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, problems, ref } from '../../lib/schemas';
import {
  AllianceCreateSchema,
  AlliancePageSchema,
  AlliancePatchSchema,
  AllianceQuerySchema,
  AllianceSchema,
} from './alliances.schemas';
import type { AllianceService } from './alliances.service';

const tags = ['governance'];
/**
 * Alliances are formed by the Association. A caller bound to societies sees the alliances its societies
 * take part in (404 for the others) and changes none: an alliance concerns several societies.
 */
const READ = ACCESS.alliances.read;
const WRITE = ACCESS.alliances.write;

export const allianceRoutes: FastifyPluginAsyncTypebox<{ alliances: AllianceService }> = async (app, { alliances }) => {
  app.get(
    '/',
    {
      config: { access: READ },
      schema: {
        operationId: 'listAlliances',
        tags,
        summary: 'Society alliances (学会联合体)',
        description: 'A caller bound to societies sees only the alliances its societies take part in.',
        querystring: AllianceQuerySchema,
        response: { 200: ref(AlliancePageSchema) },
      },
    },
    async (request) => alliances.list(principalOf(request).scope, request.query),
  );

  app.post(
    '/',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'createAlliance',
        tags,
        summary: 'Form an alliance with a lead society',
        body: ref(AllianceCreateSchema),
        response: { 201: ref(AllianceSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => {
      const alliance = await alliances.create(callerOf(request), request.body);
      return sendCreated(reply, `/v1/alliances/${alliance.id}`, alliance);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: READ },
      schema: {
        operationId: 'getAlliance',
        tags,
        summary: 'An alliance',
        params: IdParams,
        response: { 200: ref(AllianceSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const alliance = await alliances.get(principalOf(request).scope, request.params.id);
      setEtag(reply, alliance.version);
      return alliance;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updateAlliance',
        tags,
        summary: 'Change an alliance (needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(AlliancePatchSchema),
        response: { 200: ref(AllianceSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const alliance = await alliances.update(
        callerOf(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, alliance.version);
      return alliance;
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'deleteAlliance',
        tags,
        summary: 'Dissolve an alliance (needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null({ description: 'Dissolved' }), ...problems(404, 412, 428) },
      },
    },
    async (request, reply) => {
      await alliances.remove(callerOf(request), request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
};
