import { type Kysely, sql } from 'kysely';

/**
 * Frozen in time: migrations run against `Kysely<any>` and never import the app's current types, so
 * they keep meaning what they meant when they were written.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (see above)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await db.schema
    .createTable('societies')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type IN ('society', 'association', 'research_society')`))
    .addColumn('discipline', 'text', (c) =>
      c.notNull().check(sql`discipline IN ('science', 'engineering', 'agriculture', 'medicine', 'cross')`),
    )
    .addColumn('credit_code', 'text', (c) => c.unique())
    .addColumn('credit_code_override_reason', 'text')
    .addColumn('supporting_unit', 'text')
    .addColumn('founded_on', 'date')
    .addColumn('office_address', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('chair_name', 'text')
    .addColumn('secretary_general_name', 'text')
    .addColumn('secretary_general_full_time', 'boolean')
    .addColumn('website', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('preparing')
        .check(sql`status IN ('preparing', 'active', 'dormant', 'disqualified', 'deregistered')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Substring search over Chinese and English names (pg_trgm serves ILIKE '%…%').
  await sql`CREATE INDEX societies_name_trgm ON societies USING gin (name gin_trgm_ops, name_en gin_trgm_ops)`.execute(
    db,
  );
  await db.schema
    .createIndex('societies_status_created')
    .on('societies')
    .columns(['status', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('societies_created').on('societies').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('societies_name').on('societies').columns(['name', 'id']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role IN ('admin', 'society_officer', 'reviewer', 'auditor')`),
    )
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE UNIQUE INDEX users_username_lower ON users (lower(username))`.execute(db);

  await db.schema
    .createTable('user_societies')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_societies_pk', ['user_id', 'society_id'])
    .execute();
  await db.schema.createIndex('user_societies_society').on('user_societies').column('society_id').execute();

  await db.schema
    .createTable('society_transitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('society_transitions_society')
    .on('society_transitions')
    .columns(['society_id', 'at', 'id'])
    .execute();

  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('private_jwk', 'jsonb', (c) => c.notNull())
    .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('refresh_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('family_id', 'uuid', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute();
  await db.schema.createIndex('refresh_tokens_user').on('refresh_tokens').column('user_id').execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_headers', 'jsonb')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['principal', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();

  // The audit trail: one row per recorded change, chained by SHA-256 (`hash` covers `prev_hash`).
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('id', 'uuid', (c) => c.notNull().unique())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('society_id', 'uuid')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_resource').on('audit_log').columns(['resource_type', 'resource_id']).execute();
  await sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);

  // Transactional outbox: the change feed and webhooks read from here.
  await db.schema
    .createTable('outbox_events')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('id', 'uuid', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('society_id', 'uuid')
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'outbox_events',
    'audit_log',
    'idempotency_keys',
    'refresh_tokens',
    'signing_keys',
    'society_transitions',
    'user_societies',
    'users',
    'societies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`DROP FUNCTION IF EXISTS audit_log_append_only()`.execute(db);
}
