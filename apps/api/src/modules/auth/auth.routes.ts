import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import type { FastifyReply } from 'fastify';
import { errors } from '../../lib/errors';
import { callerOf, principalOf } from '../../lib/request-context';
import { problems, ref } from '../../lib/schemas';
import {
  CurrentUserSchema,
  JwksSchema,
  LoginRequestSchema,
  PasswordChangeSchema,
  TokenResponseSchema,
} from './auth.schemas';
import type { AuthService } from './auth.service';

export const REFRESH_COOKIE = 'sh_refresh';

export interface AuthRoutesOptions {
  auth: AuthService;
  refreshTtlSeconds: number;
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  // `Secure` as plugins/security.ts decided for this request: over TLS (or when forced), never over plain http.
  const setRefreshCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(REFRESH_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: reply.request.secureCookies,
      path: '/v1/auth',
      maxAge: options.refreshTtlSeconds,
    });
  const clearRefreshCookie = (reply: FastifyReply) =>
    reply.clearCookie(REFRESH_COOKIE, { path: '/v1/auth', httpOnly: true, sameSite: 'strict' });

  app.post(
    '/login',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Log in with a username and password',
        description: 'Returns a short-lived access token and sets an httpOnly refresh cookie.',
        body: ref(LoginRequestSchema),
        response: { 200: ref(TokenResponseSchema), ...problems(401, 429) },
      },
    },
    async (request, reply) => {
      const session = await options.auth.login(request.body.username, request.body.password, request.ip);
      setRefreshCookie(reply, session.refreshToken);
      return session.response;
    },
  );

  app.post(
    '/refresh',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'refreshSession',
        tags: ['auth'],
        summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)',
        response: { 200: ref(TokenResponseSchema), ...problems(401) },
      },
    },
    async (request, reply) => {
      try {
        const session = await options.auth.refresh(request.cookies[REFRESH_COOKIE]);
        setRefreshCookie(reply, session.refreshToken);
        return session.response;
      } catch (error) {
        clearRefreshCookie(reply);
        throw error;
      }
    },
  );

  app.post(
    '/logout',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'End the session: revokes the refresh token family and clears the cookie',
        response: { 204: { type: 'null', description: 'Logged out' } },
      },
    },
    async (request, reply) => {
      await options.auth.logout(request.cookies[REFRESH_COOKIE]);
      clearRefreshCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/password',
    {
      config: { access: ACCESS.self, beforePasswordChange: true, idempotentReplay: 'withhold' },
      schema: {
        operationId: 'changeOwnPassword',
        tags: ['auth'],
        summary: 'Change your own password (needs the current one); ends your other sessions',
        description:
          'A wrong current password is 422 naming /body/currentPassword and counts as a failed sign-in (429 when throttled). Every session of the user ends; the answer is a new session (and refresh cookie) for this one. Clears mustChangePassword.',
        body: ref(PasswordChangeSchema),
        response: { 200: ref(TokenResponseSchema), ...problems(422) },
      },
    },
    async (request, reply) => {
      const session = await options.auth.changePassword(callerOf(request), request.body);
      setRefreshCookie(reply, session.refreshToken);
      return session.response;
    },
  );

  app.get(
    '/me',
    {
      config: { access: ACCESS.self, beforePasswordChange: true },
      schema: {
        operationId: 'getCurrentUser',
        tags: ['auth'],
        summary: 'The logged-in user',
        response: { 200: ref(CurrentUserSchema) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user') throw errors.forbidden('Only people have a console identity.');
      const { id, username, displayName, role, societyIds, mustChangePassword } = principal;
      return { id, username, displayName, role, societyIds, mustChangePassword };
    },
  );
};

export const jwksRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/.well-known/jwks.json',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getJwks',
        tags: ['auth'],
        summary: 'Public keys that verify access tokens',
        response: { 200: ref(JwksSchema) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return app.tokens.keySet();
    },
  );
};
