import formBody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { expectedVersion, setEtag } from '../../lib/etag';
import { callerOf } from '../../lib/request-context';
import { IdParams, problems, ref } from '../../lib/schemas';
import {
  ClientCreateSchema,
  ClientListQuerySchema,
  ClientPageSchema,
  ClientPatchSchema,
  ClientSchema,
  ClientTokenRequestSchema,
  ClientTokenResponseSchema,
  ClientWithSecretSchema,
} from './clients.schemas';
import type { ClientService } from './clients.service';

const tags = ['administration'];
const READ = { roles: ['admin', 'auditor'] } as const;
const WRITE = { roles: ['admin'] } as const;

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
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
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

export const oauthRoutes: FastifyPluginAsyncTypebox<{ clients: ClientService }> = async (app, { clients }) => {
  // The token endpoint takes application/x-www-form-urlencoded as RFC 6749 requires (JSON too).
  await app.register(formBody, { bodyLimit: 4096 });
  app.post(
    '/token',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'issueClientToken',
        tags: ['auth'],
        summary: 'OAuth 2.0 client-credentials grant for other city systems',
        description:
          'Form-encoded or JSON; client_id and client_secret in the body or as HTTP Basic. Errors carry the RFC 6749 code in `error`.',
        body: ref(ClientTokenRequestSchema),
        response: { 200: ref(ClientTokenResponseSchema), ...problems(401, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      return clients.issueToken(request.body, basicCredentials(request), request.ip);
    },
  );
};
