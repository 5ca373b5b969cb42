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
 * Adds `hits` to the key's window with ONE statement: the upsert takes the row lock, so processes
 * adding to the same key at once are counted one after the other and no hit is lost. A window opens at
 * a key's first hit and lasts `windowMs` (as the plugin's own in-memory store does), so there are no
 * shared window boundaries at which every client's count resets together. Times are the database's,
 * so processes on machines with drifting clocks still agree.
 */
async function add(db: DB, key: string, hits: number, windowMs: number): Promise<Window> {
  const result = await sql<{ hits: number; ttl: number }>`
    INSERT INTO rate_limit_windows AS w (key, hits, expires_at)
    VALUES (${key}, ${hits}, now() + make_interval(secs => ${windowMs}::double precision / 1000))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN w.expires_at <= now() THEN EXCLUDED.hits ELSE w.hits + EXCLUDED.hits END,
      expires_at = CASE WHEN w.expires_at <= now() THEN EXCLUDED.expires_at ELSE w.expires_at END
    RETURNING hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (expires_at - now())) * 1000))::integer AS ttl`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the rate-limit upsert returned no row');
  return { current: row.hits, ttl: row.ttl };
}

/** How much of a limit one process may count on its own before it settles with the shared counter. */
export const LOCAL_SHARE = 0.01;
/** How often a process settles what it counted on its own, at the latest. */
export const SETTLE_MS = 1000;

interface LocalWindow {
  /** The shared count when this process last settled, its own hits included. */
  shared: number;
  /** Hits counted here since then. */
  pending: number;
  endsAt: number;
  settledAt: number;
  settling: Promise<void> | null;
}

/**
 * The shared count without a database write per request. Each process counts a key's hits itself
 * and settles them with the shared counter (one upsert adding them all) once it has counted 1% of the
 * limit, or a second has passed, or the key's window is new to it. A limit of under 200 is therefore
 * settled on every hit, exactly; a large one (the API-wide 1,200 a minute) may be passed by under 1%
 * per process before every process knows. Before, every request — reads included — wrote the same
 * row for its address, and 32 connections from one address queued on that row's lock.
 */
export class SharedHitCounter {
  private readonly windows = new Map<string, LocalWindow>();
  private calls = 0;

  constructor(private readonly db: DB) {}

  async hit(key: string, windowMs: number, max: number): Promise<Window> {
    const now = Date.now();
    this.prune(now);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { shared: 0, pending: 1, endsAt: now + windowMs, settledAt: 0, settling: null };
      this.windows.set(key, window);
      await this.settle(key, window, windowMs);
    } else {
      window.pending += 1;
      if (window.pending >= Math.max(1, Math.floor(max * LOCAL_SHARE)) || now - window.settledAt >= SETTLE_MS) {
        await this.settle(key, window, windowMs);
      }
    }
    return { current: window.shared + window.pending, ttl: Math.max(0, window.endsAt - Date.now()) };
  }

  /** The local hits not yet settled for a key (a read adds them to the shared count). */
  pendingFor(key: string): number {
    const window = this.windows.get(key);
    return window && window.endsAt > Date.now() ? window.pending : 0;
  }

  private async settle(key: string, window: LocalWindow, windowMs: number): Promise<void> {
    // One settlement at a time per key; a hit arriving meanwhile waits for it and is settled next time.
    if (window.settling) return window.settling;
    const hits = window.pending;
    window.settling = add(this.db, key, hits, windowMs)
      .then((settled) => {
        window.shared = settled.current;
        window.pending -= hits;
        window.endsAt = Date.now() + settled.ttl;
        window.settledAt = Date.now();
      })
      .finally(() => {
        window.settling = null;
      });
    return window.settling;
  }

  /** Forgets windows that have ended, now and then, so the map holds only live addresses. */
  private prune(now: number): void {
    this.calls += 1;
    if (this.calls % 1000 !== 0) return;
    for (const [key, window] of this.windows) if (window.endsAt <= now && !window.settling) this.windows.delete(key);
  }
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
 * the counters in PostgreSQL, so a limit holds across every API process instead of per process
 * (settled in batches, see SharedHitCounter).
 * Routes with their own limit (`config.rateLimit`) get a child store with its own key namespace, as
 * the plugin's Redis store does.
 */
export function postgresRateLimitStore(db: DB): FastifyRateLimitStoreCtor {
  const counter = new SharedHitCounter(db);
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    constructor(
      options: object,
      private readonly namespace = 'global:',
    ) {
      refuseUnsupported(options);
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      counter.hit(this.namespace + key, timeWindow, max).then(
        (window) => callback(null, window),
        (error: unknown) => callback(asError(error)),
      );
    }

    /** The plugin's non-mutating read (`createRateLimit` with `{ increment: false }`). */
    read(key: string, callback: Callback): void {
      const namespaced = this.namespace + key;
      peek(db, namespaced).then(
        (window) => callback(null, { ...window, current: window.current + counter.pendingFor(namespaced) }),
        (error: unknown) => callback(asError(error)),
      );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      return new PostgresRateLimitStore(routeOptions, routeNamespace(routeOptions));
    }
  }
  return PostgresRateLimitStore;
}
