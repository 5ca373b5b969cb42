import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

export type DB = Kysely<Database>;

const PG_TYPE = { int8: 20, date: 1082 } as const;

/**
 * Both drivers read values the same way: `date` stays `YYYY-MM-DD` text (no time-zone shifts) and
 * `bigint` becomes a number (our sequences and counts stay far below 2^53).
 */
const sharedParsers = {
  [PG_TYPE.int8]: (value: string) => Number(value),
  [PG_TYPE.date]: (value: string) => value,
};

/** What a subscriber to a notification channel hears: notifications, and whether it may miss any. */
export interface ListenHandlers {
  /** A notification arrived on the channel. */
  notify(): void;
  /** Listening (again): from now on no notification is missed. */
  ready(): void;
  /** The listening connection is gone: notifications may be missed until `ready` comes again. */
  lost(): void;
}

/** Subscribes to a notification channel (LISTEN); the returned function unsubscribes. */
export type Listen = (channel: string, handlers: ListenHandlers) => () => Promise<void>;

export interface DatabaseHandle {
  db: DB;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** The connection pool's occupancy, for /metrics (PostgreSQL only). */
  poolStats?: () => { total: number; idle: number; waiting: number; max: number };
  listen: Listen;
}

const CHANNEL = /^[a-z_]+$/;
const RELISTEN_MS = 1000;

/**
 * LISTEN on a connection of its own (a pooled one goes back to the pool and stops listening), kept
 * open and re-established a second after it is lost, for as long as the subscription lasts.
 */
function listenOnOwnConnection(url: string): Listen {
  return (channel, handlers) => {
    if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let current: pg.Client | null = null;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const again = () => {
      if (stopped) return;
      retry = setTimeout(() => void connect(), RELISTEN_MS);
      retry.unref();
    };
    const connect = async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000, keepAlive: true });
      let live = false;
      const lost = () => {
        if (!live) return;
        live = false;
        current = null;
        handlers.lost();
        void client.end().catch(() => {});
        again();
      };
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (message) => {
        if (message.channel === channel) handlers.notify();
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${channel}`);
      } catch {
        void client.end().catch(() => {});
        again();
        return;
      }
      if (stopped) {
        await client.end().catch(() => {});
        return;
      }
      live = true;
      current = client;
      handlers.ready();
    };
    void connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    };
  };
}

export function connectPostgres(url: string, poolSize: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Fail fast while the database is unreachable instead of queueing requests for ever.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        const parser = sharedParsers[oid as keyof typeof sharedParsers];
        return parser ?? pg.types.getTypeParser(oid, format);
      },
    },
  });
  // A connection lost while idle in the pool must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  // Nor one lost while checked out between two queries (inside a transaction, say): pg then emits
  // 'error' on the client itself, where nobody listens. The next query on it fails (answered 503),
  // and the pool drops the broken client when it is released.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    close: () => db.destroy(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolSize }),
    listen: listenOnOwnConnection(url),
  };
}

/** Embedded PostgreSQL (WASM) for running the product without a server; `dataDir` null = in memory. */
export async function connectPglite(dataDir: string | null): Promise<DatabaseHandle> {
  let location: string | undefined;
  if (dataDir !== null) {
    location = resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  // Loaded only when the product runs embedded: a server on PostgreSQL never carries PGlite.
  const [{ PGlite }, { pg_trgm }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('kysely-pglite-dialect'),
  ]);
  const client = await PGlite.create(location, {
    extensions: { pg_trgm },
    parsers: {
      [PG_TYPE.int8]: (value: string) => Number(value),
      [PG_TYPE.date]: (value: string) => value,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  // In the same process as its database, a subscription never loses its connection.
  const listen: Listen = (channel, handlers) => {
    const subscribed = client
      .listen(channel, () => handlers.notify())
      .then((unsubscribe) => {
        handlers.ready();
        return unsubscribe;
      });
    return async () => {
      await (await subscribed)();
    };
  };
  return { db, kind: 'pglite', close: () => db.destroy(), listen };
}

export async function connectDatabase(config: {
  databaseUrl: string | null;
  dataDir: string;
  databasePoolSize: number;
}) {
  return config.databaseUrl
    ? connectPostgres(config.databaseUrl, config.databasePoolSize)
    : connectPglite(config.dataDir);
}
