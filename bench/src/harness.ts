/**
 * What every benchmark needs: a fresh database on the machine's PostgreSQL, the built API server as its
 * own process (as in production), an administrator's token, and cleanup — even on Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createApiClient } from '@society-hub/client';
import { createTestDatabase } from '../../tests/support/database';
import { REPO_ROOT, type ServerProcess, startServerProcess } from '../../tests/support/server-process';

export const ADMIN = { username: 'bench-admin', password: 'bench-password-2026' };

export interface Bench {
  databaseUrl: string;
  server: ServerProcess;
  token: string;
  client: ReturnType<typeof createApiClient>;
  createSociety(name: string): Promise<string>;
  close(): Promise<void>;
}

/** `BENCH_SERVER_NODE_ARGS` passes flags to the server's Node (e.g. `--cpu-prof --cpu-prof-dir=prof`). */
export async function startBench(extraEnv: Record<string, string> = {}): Promise<Bench> {
  if (!existsSync(`${REPO_ROOT}/apps/api/dist/server.js`)) {
    throw new Error('The API is not built: run `pnpm build` first.');
  }
  const database = await createTestDatabase('sh_bench');
  let server: ServerProcess | undefined;
  const close = async () => {
    server?.child.kill('SIGTERM');
    if (server) await server.exited;
    // BENCH_KEEP_DATABASE=1 leaves the data for EXPLAIN and friends.
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`database kept: ${database.url}`);
    else await database.drop();
  };
  process.once('SIGINT', () => {
    void close().finally(() => process.exit(130));
  });
  try {
    server = await startServerProcess(
      {
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: '20',
        ADMIN_USERNAME: ADMIN.username,
        ADMIN_PASSWORD: ADMIN.password,
        MEMBER_DATA_KEY: randomBytes(32).toString('base64'),
        // Benchmarks measure throughput, not the per-address limit that protects a public deployment.
        RATE_LIMIT_PER_MINUTE: '100000000',
        ...extraEnv,
      },
      process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    );
    const anonymous = createApiClient({ baseUrl: server.baseUrl });
    const { data } = await anonymous.POST('/v1/auth/login', { body: ADMIN });
    if (!data) throw new Error('login failed');
    const token = data.accessToken;
    const client = createApiClient({ baseUrl: server.baseUrl, getAccessToken: () => token });
    const running = server;
    return {
      databaseUrl: database.url,
      server: running,
      token,
      client,
      async createSociety(name) {
        const { data: society } = await client.POST('/v1/societies', {
          body: { name, type: 'society', discipline: 'engineering' },
          headers: { 'Idempotency-Key': randomBytes(8).toString('hex') },
        });
        if (!society) throw new Error(`could not create ${name}`);
        return society.id;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const format = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
