import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DB } from '../db/connect';
import { canonicalJson } from '../lib/canonical-json';
import { AppError, errors } from '../lib/errors';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /**
     * `withhold`: the response carries a secret shown only once, so it is never stored; a retry with
     * the same key is told the request was done instead of being given the secret again.
     */
    idempotentReplay?: 'store' | 'withhold';
  }
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,200}$/;
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'];
/** Keys are kept this long; a retry after that is treated as a new request. */
const RETENTION_HOURS = 24;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n`)
    .update(canonicalJson(request.body ?? null))
    .digest('hex');
}

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its successful answer is stored;
 * a retry with the same key and body gets that answer again (marked `Idempotent-Replayed: true`);
 * the same key with another body is 422. Keys live in the database, so a retry may reach any
 * process. Failed attempts release the key, so a corrected request can reuse it.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, options: { db: DB }) => {
    const { db } = options;
    app.decorateRequest('idempotency', null);

    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'POST' || request.routeOptions.config.access === 'public') return;
      const key = request.headers['idempotency-key'];
      if (key === undefined) return;
      if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
        throw errors.badRequest('Idempotency-Key must be 8–200 characters of letters, digits and ._:-', [
          { path: '/headers/idempotency-key', code: 'pattern', message: 'Invalid idempotency key.' },
        ]);
      }
      const principal = request.principal ? `${request.principal.kind}:${request.principal.id}` : `ip:${request.ip}`;
      const hash = requestHash(request);
      const claimed = await db
        .insertInto('idempotency_keys')
        .values({
          principal,
          key,
          method: request.method,
          path: request.url,
          request_hash: hash,
          created_at: new Date(),
        })
        .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (claimed) {
        request.idempotency = { principal, key };
        return;
      }
      const existing = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('principal', '=', principal)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!existing) throw errors.conflict('The idempotency key was released meanwhile; retry.');
      if (existing.request_hash !== hash) {
        throw new AppError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used with a different request; use a new key for a new request.',
        );
      }
      if (existing.status_code === null) {
        throw new AppError(
          409,
          'idempotency_key_in_progress',
          'A request with this Idempotency-Key is still running.',
          {},
          {
            'retry-after': '1',
          },
        );
      }
      if (existing.response_body === null) {
        throw errors.conflict(
          'This request was already carried out. Its answer held a secret that is shown only once; rotate the secret to get a new one.',
        );
      }
      const headers = (existing.response_headers ?? {}) as Record<string, string>;
      for (const name of REPLAYED_HEADERS) if (headers[name]) reply.header(name, headers[name]);
      reply.header('idempotent-replayed', 'true');
      return reply.code(existing.status_code).send(existing.response_body ?? undefined);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotency;
      if (!claim) return payload;
      request.idempotency = null;
      if (reply.statusCode >= 200 && reply.statusCode < 300) {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (typeof value === 'string') headers[name] = value;
        }
        await db
          .updateTable('idempotency_keys')
          .set({
            status_code: reply.statusCode,
            response_headers: JSON.stringify(headers),
            response_body:
              request.routeOptions.config.idempotentReplay === 'withhold' || typeof payload !== 'string'
                ? null
                : payload,
            completed_at: new Date(),
          })
          .where('principal', '=', claim.principal)
          .where('key', '=', claim.key)
          .execute();
      } else {
        await releaseKey(db, claim);
      }
      return payload;
    });

    // A request that never reaches onSend (client gone, crash in a hook) must not hold its key for ever.
    app.addHook('onResponse', async (request) => {
      if (request.idempotency) await releaseKey(db, request.idempotency);
    });
  },
  { name: 'idempotency', dependencies: ['auth'] },
);

async function releaseKey(db: DB, claim: { principal: string; key: string }): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('principal', '=', claim.principal)
    .where('key', '=', claim.key)
    .where('status_code', 'is', null)
    .execute();
}

export async function purgeExpiredIdempotencyKeys(db: DB): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(Date.now() - RETENTION_HOURS * 3600 * 1000))
    .execute();
}
