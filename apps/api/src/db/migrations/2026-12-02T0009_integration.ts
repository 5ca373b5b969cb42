import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  // The change feed orders events by the writing transaction's id and hands out only those older than
  // every transaction still running (modules/events/events.repository.ts explains why). Rows written
  // before this migration all take the migration's own id, and keep their order by `id` (UUIDv7).
  await sql`ALTER TABLE outbox_events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id()`.execute(db);
  await sql`CREATE INDEX outbox_events_feed ON outbox_events (txid, id)`.execute(db);
  await sql`CREATE INDEX outbox_events_society_feed ON outbox_events (society_id, txid, id)`.execute(db);

  // Webhook subscriptions: each belongs to a machine client and sees what that client's feed shows.
  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('event_types', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'text')
    // AES-256-GCM under the personal-data key: the secret must be recoverable to sign, never readable in a dump.
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_created').on('webhooks').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('webhooks_client').on('webhooks').columns(['client_id', 'created_at']).execute();

  // One delivery per subscription and event (the unique key makes fan-out safe to repeat); no foreign
  // key to the outbox, so old events can be archived or partitioned away without touching the log.
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('webhook_id', 'uuid', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('pending', 'succeeded', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_token', 'uuid')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_once', ['webhook_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_log')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'created_at', 'id'])
    .execute();
  // What workers claim: small, because only pending rows are in it.
  await sql`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`.execute(
    db,
  );

  await db.schema
    .createTable('webhook_delivery_attempts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('delivery_id', 'uuid', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('worker', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_delivery_attempts_delivery')
    .on('webhook_delivery_attempts')
    .columns(['delivery_id', 'attempt'])
    .execute();

  // How far fan-out has read the feed: one row, locked by the process doing it.
  await db.schema
    .createTable('webhook_dispatch')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('after_txid', sql`xid8`, (c) => c.notNull())
    .addColumn('after_id', 'uuid', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO webhook_dispatch (name, after_txid, after_id, updated_at)
            VALUES ('outbox', '0'::xid8, '00000000-0000-0000-0000-000000000000', now())`.execute(db);

  // Rate-limit windows shared by every API process. UNLOGGED: counters need no crash safety or WAL
  // (and are not replicated), which keeps the per-request upsert cheap.
  await sql`CREATE UNLOGGED TABLE rate_limit_windows (
              key text PRIMARY KEY,
              hits integer NOT NULL,
              expires_at timestamptz NOT NULL
            )`.execute(db);
  await db.schema.createIndex('rate_limit_windows_expiry').on('rate_limit_windows').column('expires_at').execute();

  // The public directory lists active societies by name.
  await sql`CREATE INDEX societies_public_directory ON societies (name, id) WHERE status = 'active'`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS societies_public_directory`.execute(db);
  for (const table of [
    'rate_limit_windows',
    'webhook_dispatch',
    'webhook_delivery_attempts',
    'webhook_deliveries',
    'webhooks',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`DROP INDEX IF EXISTS outbox_events_society_feed`.execute(db);
  await sql`DROP INDEX IF EXISTS outbox_events_feed`.execute(db);
  await sql`ALTER TABLE outbox_events DROP COLUMN IF EXISTS txid`.execute(db);
}
