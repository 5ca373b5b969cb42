import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
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

export interface DatabaseHandle {
  db: DB;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** The connection pool's occupancy, for /metrics (PostgreSQL only). */
  poolStats?: () => { total: number; idle: number; waiting: number; max: number };
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
  };
}

/** Embedded PostgreSQL (WASM) for running the product without a server; `dataDir` null = in memory. */
export async function connectPglite(dataDir: string | null): Promise<DatabaseHandle> {
  let location: string | undefined;
  if (dataDir !== null) {
    location = resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const client = await PGlite.create(location, {
    extensions: { pg_trgm },
    parsers: {
      [PG_TYPE.int8]: (value: string) => Number(value),
      [PG_TYPE.date]: (value: string) => value,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { db, kind: 'pglite', close: () => db.destroy() };
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
