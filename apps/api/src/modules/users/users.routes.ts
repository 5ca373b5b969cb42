import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, problems, ref } from '../../lib/schemas';
import {
  PasswordResetSchema,
  UserCreateSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserPatchSchema,
  UserSchema,
} from './users.schemas';
import type { UserService } from './users.service';

const tags = ['administration'];
const READ = ACCESS.administration.read;
const WRITE = ACCESS.administration.write;

export const userRoutes: FastifyPluginAsyncTypebox<{ users: UserService }> = async (app, { users }) => {
  app.get(
    '/',
    {
      config: { access: READ },
      schema: {
        operationId: 'listUsers',
        tags,
        summary: 'Console accounts',
        querystring: UserListQuerySchema,
        response: { 200: ref(UserPageSchema) },
      },
    },
    async (request) => users.list(request.query),
  );

  app.post(
    '/',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'createUser',
        tags,
        summary: 'Create a console account',
        body: ref(UserCreateSchema),
        response: { 201: ref(UserSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => {
      const user = await users.create(callerOf(request), request.body);
      return sendCreated(reply, `/v1/users/${user.id}`, user);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: READ },
      schema: {
        operationId: 'getUser',
        tags,
        summary: 'A console account',
        params: IdParams,
        response: { 200: ref(UserSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const user = await users.get(request.params.id);
      setEtag(reply, user.version);
      return user;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updateUser',
        tags,
        summary: 'Change role, societies, name, or disable (ends sessions); needs If-Match',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(UserPatchSchema),
        response: { 200: ref(UserSchema), ...problems(404, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const user = await users.update(callerOf(request), request.params.id, expectedVersion(request), request.body);
      setEtag(reply, user.version);
      return user;
    },
  );

  app.post(
    '/:id/password',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'resetUserPassword',
        tags,
        summary: 'Set a new password (ends the user’s sessions)',
        params: IdParams,
        body: ref(PasswordResetSchema),
        response: { 200: ref(UserSchema), ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const user = await users.resetPassword(callerOf(request), request.params.id, request.body.password);
      setEtag(reply, user.version);
      return user;
    },
  );
};
