import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { DB } from '../db/connect';
import { AppError, errors } from '../lib/errors';
import type { IdempotencyClaim } from '../lib/request-context';
import type { Trx } from '../lib/write';
import { isApiPath } from './auth';
import { declareProblems } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body as it arrived, before parsing (null without one). */
    rawJsonBody: string | null;
    idempotency: IdempotencyClaim | null;
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
/**
 * A claim still in progress after this long is abandoned: its process died between claiming and
 * answering (the claim is made outside the business transaction, so nothing else clears it). The
 * server drops a connection idle for 30 s (`connectionTimeout` in app.ts), so by then the caller of a
 * request still running has long gone; four times that, and a retry may take the key over instead
 * of being told 409 until the 24-hour purge.
 */
const STALE_CLAIM_SECONDS = 120;
/**
 * Claim times come from the database's clock, so processes whose clocks differ agree on a claim's
 * age; to the millisecond, so a claim time read back into a JavaScript Date matches the stored one.
 */
const CLAIM_TIME = sql<Date>`date_trunc('milliseconds', now())`;
/** Claims made before this are stale (see STALE_CLAIM_SECONDS). */
const STALE_CLAIM = sql<Date>`now() - make_interval(secs => ${STALE_CLAIM_SECONDS})`;

/**
 * What makes two requests "the same" for a key: method, URL and the body exactly as sent. A retry
 * sends the same bytes; hashing them is also far cheaper than re-serialising a parsed body (a bulk
 * import's body holds a thousand rows).
 */
function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n`)
    .update(request.rawJsonBody ?? 'null')
    .digest('hex');
}

/** Every authenticated POST honours Idempotency-Key. */
function takesIdempotencyKey(method: string | string[], access: unknown): boolean {
  return method === 'POST' && access !== 'public';
}

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its successful answer is stored;
 * a retry with the same key and body gets that answer again (marked `Idempotent-Replayed: true`);
 * the same key with another body is 422. Keys live in the database, so a retry may reach any
 * process. Failed attempts release the key, so a corrected request can reuse it; a claim abandoned
 * by a process that died mid-request is taken over by a retry once it is stale.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, options: { db: DB }) => {
    const { db } = options;
    app.decorateRequest('idempotency', null);
    app.decorateRequest('rawJsonBody', null);

    // The contract says which routes take a key and what a key can be answered with: 409 while its
    // request runs or when its answer was lost or withheld, 422 when it came with another request.
    app.addHook('onRoute', (route) => {
      if (!isApiPath(route.url) || !route.schema || !takesIdempotencyKey(route.method, route.config?.access)) return;
      const headers = (route.schema.headers ?? { type: 'object', properties: {} }) as {
        properties?: Record<string, unknown>;
      };
      route.schema.headers = {
        ...headers,
        type: 'object',
        properties: {
          ...(headers.properties ?? {}),
          'idempotency-key': {
            type: 'string',
            description: 'Retries with the same key and body get the first answer; another body is 422',
          },
        },
      };
      declareProblems(route, [409, 422]);
    });

    // Fastify's own JSON parser (with its prototype-poisoning checks), keeping the text it parsed.
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      request.rawJsonBody = text;
      parseJson(request, text, done);
    });

    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!takesIdempotencyKey(request.method, request.routeOptions.config.access)) return;
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
          created_at: CLAIM_TIME,
        })
        .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
        .returning('created_at')
        .executeTakeFirst();
      if (claimed) {
        request.idempotency = { principal, key, claimedAt: claimed.created_at };
        return;
      }
      const existing = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        // Judged by the database's clock, like the claim times themselves.
        .select(sql<boolean>`created_at < ${STALE_CLAIM}`.as('claim_is_stale'))
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
      if (existing.status_code === null && existing.committed_at !== null && existing.claim_is_stale) {
        // Its change committed, but the process died (or the database went away) before storing the
        // answer: running it again would do it twice. While the claim is fresh its process is most
        // likely storing the answer right now, so the retry is told "in progress" below instead.
        throw new AppError(
          409,
          'idempotency_key_committed',
          'This request was already carried out, but its answer was lost; read the resource to see the result.',
        );
      }
      if (existing.status_code === null) {
        // Abandoned by a process that died mid-request: this retry takes the key over and runs. The
        // update is conditional, so of several retries racing for it exactly one wins.
        const takenOver = await db
          .updateTable('idempotency_keys')
          .set({ created_at: CLAIM_TIME })
          .where('principal', '=', principal)
          .where('key', '=', key)
          .where('request_hash', '=', hash)
          .where('status_code', 'is', null)
          .where('committed_at', 'is', null)
          .where('created_at', '<', STALE_CLAIM)
          .returning('created_at')
          .executeTakeFirst();
        if (takenOver) {
          request.log.warn({ idempotencyKey: key }, 'took over an abandoned idempotency claim');
          request.idempotency = { principal, key, claimedAt: takenOver.created_at };
          return;
        }
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
      // The answer goes out whatever happens to the bookkeeping: when the database has just gone away
      // (the very failure a 503 here reports), failing to record or release the key must not turn
      // the answer into a 500. An unreleased claim is taken over once it is stale (see above).
      try {
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
            .where('created_at', '=', claim.claimedAt)
            .execute();
        } else {
          await releaseKey(db, claim);
        }
      } catch (error) {
        request.log.warn({ err: error, key: claim.key }, 'could not record the idempotency key');
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

async function releaseKey(db: DB, claim: IdempotencyClaim): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('principal', '=', claim.principal)
    .where('key', '=', claim.key)
    .where('created_at', '=', claim.claimedAt)
    .where('status_code', 'is', null)
    // A committed change keeps its key whatever the answer was: a retry must not make it again.
    .where('committed_at', 'is', null)
    .execute();
}

/**
 * Marks the key committed, inside the transaction that makes the request's change (`lib/write.ts`):
 * committed exactly when the change is.
 */
export async function markIdempotencyCommitted(trx: Trx, claim: IdempotencyClaim): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ committed_at: sql<Date>`now()` })
    .where('principal', '=', claim.principal)
    .where('key', '=', claim.key)
    .where('created_at', '=', claim.claimedAt)
    .execute();
}

export async function purgeExpiredIdempotencyKeys(db: DB): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${RETENTION_HOURS})`)
    .execute();
}
