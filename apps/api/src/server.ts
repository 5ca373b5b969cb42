import { networkInterfaces } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { buildApp } from './app';
import { ensureAdmin } from './bootstrap';
import { ConfigError, loadConfig } from './config';
import { connectDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { loadDemoData } from './demo/load-demo-data';
import { PersonalDataVault } from './lib/personal-data';
import { ensureMemberDataKey } from './member-data-key';
import { describeChannels } from './modules/messages/channels';
import { purgeExpiredIdempotencyKeys } from './plugins/idempotency';
import { describeServing } from './serving';

/**
 * After each full collection V8 lets the old generation grow to as much as four times what survived it
 * before collecting again, and under load a request's objects outlive the young generation's
 * collections (they wait for PostgreSQL), so the heap swings between ~50 and ~200 MB of mostly garbage.
 * Growing by half at most keeps the process under 200 MB for ~5% of its throughput (measured in
 * docs/benchmarks.md, the load section). Set here, in the one entry point every deployment runs,
 * rather than in each start command; an operator's own `--heap-growing-percent` wins.
 */
const HEAP_GROWING_PERCENT = 50;
if (!process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Starts the API: migrate, bootstrap, listen; on SIGTERM/SIGINT drain in-flight requests, then close the pool. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    const base = loadConfig();
    config = loadConfig(process.env, { memberDataKey: ensureMemberDataKey(base.memberDataKey, base.dataDir).key });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const database = await connectDatabase(config);
  await migrateToLatest(database.db);
  const createdAdmin = await ensureAdmin(database.db, config.adminUsername, config.adminPassword);
  const app = await buildApp({ config, db: database.db, poolStats: database.poolStats, listen: database.listen });
  if (createdAdmin?.generatedPassword) {
    // Printed once, to the operator's terminal only; it is stored hashed.
    console.log(
      `\n  First start: created the administrator "${createdAdmin.username}" with password ${createdAdmin.generatedPassword}\n  Log in and keep it safe (set ADMIN_USERNAME/ADMIN_PASSWORD on an empty database to choose your own).\n`,
    );
  } else if (createdAdmin) {
    app.log.info({ username: createdAdmin.username }, 'created the administrator');
  }
  if (config.demoData) {
    const loaded = await loadDemoData(
      database.db,
      new PersonalDataVault(Buffer.from(config.memberDataKey ?? '', 'base64')),
    );
    if (loaded) app.log.info('loaded the demo data set');
  }

  // Housekeeping: idempotency keys are only kept for a day.
  const housekeeping = setInterval(
    () =>
      void purgeExpiredIdempotencyKeys(database.db).catch((error: unknown) =>
        app.log.warn({ err: error }, 'purge failed'),
      ),
    60 * 60 * 1000,
  );
  housekeeping.unref();
  await purgeExpiredIdempotencyKeys(database.db);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(housekeeping);
    app.log.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Society Hub is running (${database.kind}${config.databaseUrl === null ? ` in ${config.dataDir}` : ''})`,
  );
  const serving = describeServing(config, networkInterfaces());
  app.log[serving.level](serving.message);
  const messages = describeChannels(config.messaging);
  app.log[messages.level](messages.message);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
