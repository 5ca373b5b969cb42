import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { DB } from '../db/connect';

interface Window {
  current: number;
  ttl: number;
}

type Callback = (error: Error | null, result?: Window) => void;

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Counts a hit in the key's window with ONE statement: the upsert takes the row lock, so processes
 * hitting the same key at once are counted one after the other and no hit is lost. A window opens at
 * a key's first hit and lasts `windowMs` (as the plugin's own in-memory store does), so there are no
 * shared window boundaries at which every client's count resets together. Times are the database's,
 * so processes on machines with drifting clocks still agree.
 */
async function hit(db: DB, key: string, windowMs: number): Promise<Window> {
  const result = await sql<{ hits: number; ttl: number }>`
    INSERT INTO rate_limit_windows AS w (key, hits, expires_at)
    VALUES (${key}, 1, now() + make_interval(secs => ${windowMs}::double precision / 1000))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN w.expires_at <= now() THEN 1 ELSE w.hits + 1 END,
      expires_at = CASE WHEN w.expires_at <= now() THEN EXCLUDED.expires_at ELSE w.expires_at END
    RETURNING hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (expires_at - now())) * 1000))::integer AS ttl`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the rate-limit upsert returned no row');
  return { current: row.hits, ttl: row.ttl };
}

async function peek(db: DB, key: string): Promise<Window> {
  const result = await sql<{ hits: number; ttl: number }>`
    SELECT hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (expires_at - now())) * 1000))::integer AS ttl
    FROM rate_limit_windows WHERE key = ${key} AND expires_at > now()`.execute(db);
  const row = result.rows[0];
  return row ? { current: row.hits, ttl: row.ttl } : { current: 0, ttl: 0 };
}

/** Expired windows are only garbage: any process may remove them, at any time. */
export async function purgeExpiredRateLimitWindows(db: DB): Promise<void> {
  await sql`DELETE FROM rate_limit_windows WHERE expires_at < now()`.execute(db);
}

/**
 * The settings this store cannot honour. Both reset a window on every request over the limit, which
 * the single upsert above does not do; no route here uses them, and silently ignoring them would be
 * worse than refusing to start.
 */
function refuseUnsupported(options: object): void {
  for (const name of ['continueExceeding', 'exponentialBackoff']) {
    if (Reflect.get(options, name) === true) {
      throw new Error(`the PostgreSQL rate-limit store does not support ${name}`);
    }
  }
}

/** Which route a child store counts for: the plugin passes its merged settings with `routeInfo`. */
function routeNamespace(options: object): string {
  const info: unknown = Reflect.get(options, 'routeInfo');
  if (typeof info !== 'object' || info === null) return 'custom:';
  const method: unknown = Reflect.get(info, 'method');
  const url: unknown = Reflect.get(info, 'url');
  return `${Array.isArray(method) ? method.join(',') : String(method)} ${String(url)}:`;
}

/**
 * A store for @fastify/rate-limit (its `store` option: a class with `incr` and `child`) that keeps
 * the counters in PostgreSQL, so a limit holds across every API process instead of per process.
 * Routes with their own limit (`config.rateLimit`) get a child store with its own key namespace, as
 * the plugin's Redis store does.
 */
export function postgresRateLimitStore(db: DB): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      options: object,
      private readonly namespace = 'global:',
    ) {
      refuseUnsupported(options);
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      hit(db, this.namespace + key, timeWindow).then(
        (window) => callback(null, window),
        (error: unknown) => callback(asError(error)),
      );
    }

    /** The plugin's non-mutating read (`createRateLimit` with `{ increment: false }`). */
    read(key: string, callback: Callback): void {
      peek(db, this.namespace + key).then(
        (window) => callback(null, window),
        (error: unknown) => callback(asError(error)),
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      return new PostgresRateLimitStore(routeOptions, routeNamespace(routeOptions));
    }
  }
  return PostgresRateLimitStore;
}
