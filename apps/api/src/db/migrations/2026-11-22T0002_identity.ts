import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  // Machine clients of other city systems (OAuth2 client credentials).
  await db.schema
    .createTable('clients')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('scopes', 'jsonb', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('secret_rotated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('client_societies')
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('client_societies_pk', ['client_id', 'society_id'])
    .execute();

  // Failed logins per account and per address, counted in fixed windows (shared by every API process).
  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .execute();

  // TRUNCATE skips row triggers; refuse it too, so the audit trail cannot be emptied in one statement.
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_society').on('audit_log').columns(['society_id', 'seq']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log`.execute(db);
  await db.schema.dropIndex('audit_log_actor').ifExists().execute();
  await db.schema.dropIndex('audit_log_society').ifExists().execute();
  await db.schema.dropTable('login_failures').ifExists().execute();
  await db.schema.dropTable('client_societies').ifExists().execute();
  await db.schema.dropTable('clients').ifExists().execute();
}
