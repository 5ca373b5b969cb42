import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { Type } from 'typebox';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, principalOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, PageQuery, problems, ref, TransitionRequestSchema } from '../../lib/schemas';
import { transitionVersion } from '../../lib/transitions';
import {
  SocietyCreateSchema,
  SocietyListQuerySchema,
  SocietyPageSchema,
  SocietyPatchSchema,
  SocietySchema,
  SocietyTransitionPageSchema,
} from './societies.schemas';
import type { SocietyService } from './societies.service';

const tags = ['societies'];

export const societyRoutes: FastifyPluginAsyncTypebox<{ societies: SocietyService }> = async (app, { societies }) => {
  app.get(
    '/',
    {
      config: { access: ACCESS.societies.read },
      schema: {
        operationId: 'listSocieties',
        tags,
        summary: 'List societies',
        description:
          'A society officer sees only the societies they are bound to. inspectionYear and inspectionResult go together (422 otherwise).',
        querystring: SocietyListQuerySchema,
        response: { 200: ref(SocietyPageSchema), ...problems(422) },
      },
    },
    async (request) => societies.list(principalOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { access: ACCESS.societies.register },
      schema: {
        operationId: 'createSociety',
        tags,
        summary: 'Register a society',
        body: ref(SocietyCreateSchema),
        response: { 201: ref(SocietySchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => {
      const society = await societies.create(callerOf(request), request.body);
      return sendCreated(reply, `/v1/societies/${society.id}`, society);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: ACCESS.societies.read },
      schema: {
        operationId: 'getSociety',
        tags,
        summary: 'A society',
        params: IdParams,
        response: { 200: ref(SocietySchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const society = await societies.get(principalOf(request), request.params.id);
      setEtag(reply, society.version);
      return society;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: ACCESS.societies.edit },
      schema: {
        operationId: 'updateSociety',
        tags,
        summary: 'Change a society’s profile (JSON merge patch; needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(SocietyPatchSchema),
        response: { 200: ref(SocietySchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const society = await societies.update(
        callerOf(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, society.version);
      return society;
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: ACCESS.societies.register },
      schema: {
        operationId: 'deleteSociety',
        tags,
        summary: 'Delete a society that is still preparing and has no dependants (needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problems(404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      await societies.remove(callerOf(request), request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/transitions',
    {
      config: { access: ACCESS.societies.register },
      schema: {
        operationId: 'transitionSociety',
        tags,
        summary: 'Move a society through its lifecycle',
        description:
          'preparing → active | deregistered; active → dormant | disqualified | deregistered; dormant → active | disqualified | deregistered. An invalid move is 409 invalid_transition with the allowed targets. If-Match is optional here.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(TransitionRequestSchema),
        response: { 200: ref(SocietySchema), ...problems(404, 409, 412, 422) },
      },
    },
    async (request, reply) => {
      const society = await societies.transition(
        callerOf(request),
        request.params.id,
        transitionVersion(request),
        request.body,
      );
      setEtag(reply, society.version);
      return society;
    },
  );

  app.get(
    '/:id/transitions',
    {
      config: { access: ACCESS.societies.read },
      schema: {
        operationId: 'listSocietyTransitions',
        tags,
        summary: 'The lifecycle history of a society, newest first',
        params: IdParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: ref(SocietyTransitionPageSchema), ...problems(404) },
      },
    },
    async (request) => societies.transitions(principalOf(request), request.params.id, request.query),
  );
};
