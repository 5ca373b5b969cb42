import formBody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../../lib/errors';
import { expectedVersion, setEtag } from '../../lib/etag';
import { callerOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, problems, ref } from '../../lib/schemas';
import { toAppError } from '../../plugins/errors';
import { basicChallenge } from '../auth/challenges';
import {
  ClientCreateSchema,
  ClientListQuerySchema,
  ClientPageSchema,
  ClientPatchSchema,
  ClientSchema,
  ClientTokenRequestSchema,
  ClientTokenResponseSchema,
  ClientWithSecretSchema,
  OAUTH_ERRORS,
  type OAuthErrorCode,
  oauthErrorResponses,
} from './clients.schemas';
import type { ClientService } from './clients.service';

const tags = ['administration'];
const READ = ACCESS.administration.read;
const WRITE = ACCESS.administration.write;

export const clientRoutes: FastifyPluginAsyncTypebox<{ clients: ClientService }> = async (app, { clients }) => {
  app.get(
    '/',
    {
      config: { access: READ },
      schema: {
        operationId: 'listClients',
        tags,
        summary: 'Machine clients of other city systems',
        querystring: ClientListQuerySchema,
        response: { 200: ref(ClientPageSchema) },
      },
    },
    async (request) => clients.list(request.query),
  );

  app.post(
    '/',
    {
      config: { access: WRITE, idempotentReplay: 'withhold' },
      schema: {
        operationId: 'createClient',
        tags,
        summary: 'Register a machine client; the secret is shown only in this response',
        body: ref(ClientCreateSchema),
        response: { 201: ref(ClientWithSecretSchema), ...problems(422) },
      },
    },
    async (request, reply) => {
      const client = await clients.create(callerOf(request), request.body);
      setEtag(reply, client.version);
      reply.header('location', `/v1/clients/${client.id}`).header('cache-control', 'no-store');
      return reply.code(201).send(client);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: READ },
      schema: {
        operationId: 'getClient',
        tags,
        summary: 'A machine client',
        params: IdParams,
        response: { 200: ref(ClientSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const client = await clients.get(request.params.id);
      setEtag(reply, client.version);
      return client;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updateClient',
        tags,
        summary: 'Change name, scopes, societies or department, or disable; needs If-Match',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(ClientPatchSchema),
        response: { 200: ref(ClientSchema), ...problems(404, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const client = await clients.update(callerOf(request), request.params.id, expectedVersion(request), request.body);
      setEtag(reply, client.version);
      return client;
    },
  );

  app.post(
    '/:id/secret',
    {
      config: { access: WRITE, idempotentReplay: 'withhold' },
      schema: {
        operationId: 'rotateClientSecret',
        tags,
        summary: 'Issue a new secret (shown once); the old one stops working',
        params: IdParams,
        response: { 200: ref(ClientWithSecretSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return clients.rotateSecret(callerOf(request), request.params.id);
    },
  );
};

/** `Authorization: Basic` credentials per RFC 6749 §2.3.1 (each part form-urlencoded). */
function basicCredentials(request: FastifyRequest): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' ')),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' ')),
    };
  } catch {
    return null;
  }
}

function oauthErrorCode(error: AppError): OAuthErrorCode {
  const named = OAUTH_ERRORS.find((code) => code === error.extras.oauthError);
  if (named) return named;
  if (error.status === 401) return 'invalid_client';
  if (error.status === 429 || error.status === 503) return 'temporarily_unavailable';
  return error.status >= 500 ? 'server_error' : 'invalid_request';
}

/**
 * RFC 6749 §5.2: the token endpoint answers errors as application/json with `error` and
 * `error_description` (standard OAuth clients read nothing else), never cached; a failed client
 * authentication is 401 with the HTTP Basic challenge the endpoint accepts. Everything else in the
 * API stays problem+json.
 */
function sendOAuthError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  if (error.status === 401) reply.header('www-authenticate', basicChallenge());
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .type('application/json; charset=utf-8')
    .send({
      error: oauthErrorCode(error),
      error_description: error.detail,
      code: error.code,
      ...(error.extras.errors?.length ? { errors: error.extras.errors } : {}),
      requestId: request.id,
    });
}

export const oauthRoutes: FastifyPluginAsyncTypebox<{ clients: ClientService }> = async (app, { clients }) => {
  // The token endpoint takes application/x-www-form-urlencoded as RFC 6749 requires (JSON too).
  await app.register(formBody, { bodyLimit: 4096 });
  // This plugin's routes only (an encapsulated context): rate limits, bad bodies and refusals alike.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendOAuthError(request, reply, appError);
  });
  app.post(
    '/token',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'issueClientToken',
        tags: ['auth'],
        summary: 'OAuth 2.0 client-credentials grant for other city systems',
        description:
          'Form-encoded or JSON; client_id and client_secret in the body or as HTTP Basic. Errors are RFC 6749 §5.2 JSON (`error`, `error_description`), not problem details; a failed client authentication is 401 with `WWW-Authenticate: Basic`.',
        body: ref(ClientTokenRequestSchema),
        response: {
          200: ref(ClientTokenResponseSchema),
          ...oauthErrorResponses(400, 401, 413, 415, 429, 500, 503),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      return clients.issueToken(request.body, basicCredentials(request), request.ip);
    },
  );
};
