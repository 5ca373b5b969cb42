import { type Kysely, sql } from 'kysely';

/**
 * Reaching people (issue 19):
 * - users keep their own e-mail and mobile (verified when set) and the language of what they are sent;
 * - account tokens: invitations, password resets and contact confirmations, stored hashed, single-use, expiring;
 * - messages: every e-mail and SMS produced, a durable job (queued → sent | failed, or kept when no channel
 *   is configured), claimed with a lease like the webhook deliveries;
 * - notifications: each user's inbox; notification mutes: the kinds a user chose not to receive;
 * - a second feed position (`notifications`) in webhook_dispatch: the change feed also turns events into
 *   notifications, starting from the feed's head now, so an upgraded database does not announce its past.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('email', 'text')
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('phone', 'text')
    .addColumn('phone_verified_at', 'timestamptz')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('zh').check(sql`language IN ('zh', 'en')`))
    .execute();
  await sql`CREATE UNIQUE INDEX users_email ON users (lower(email)) WHERE email IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX users_phone ON users (phone) WHERE phone IS NOT NULL`.execute(db);

  await db.schema
    .createTable('account_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose IN ('invitation', 'password_reset', 'verify_email', 'verify_phone')`),
    )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('target', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('account_tokens_user')
    .on('account_tokens')
    .columns(['user_id', 'purpose', 'created_at'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('email', 'sms')`))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sms_template', 'text')
    .addColumn('sms_params', 'jsonb')
    .addColumn('dedupe_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('queued', 'sent', 'failed', 'kept')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('lease_token', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('provider_response', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('messages_once', ['dedupe_key', 'channel'])
    .execute();
  await sql`CREATE INDEX messages_due ON messages (next_attempt_at) WHERE status = 'queued'`.execute(db);
  await db.schema.createIndex('messages_created').on('messages').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_inbox')
    .on('notifications')
    .columns(['user_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('notification_mutes')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_mutes_pk', ['user_id', 'kind'])
    .execute();

  await sql`INSERT INTO webhook_dispatch (name, after_txid, after_id, updated_at)
            SELECT 'notifications', coalesce(head.txid, '0'::xid8),
                   coalesce(head.id, '00000000-0000-0000-0000-000000000000'), now()
            FROM (SELECT 1) one
            LEFT JOIN (SELECT txid, id FROM outbox_events ORDER BY txid DESC, id DESC LIMIT 1) head ON true`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM webhook_dispatch WHERE name = 'notifications'`.execute(db);
  for (const table of ['notification_mutes', 'notifications', 'messages', 'account_tokens']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`DROP INDEX IF EXISTS users_email`.execute(db);
  await sql`DROP INDEX IF EXISTS users_phone`.execute(db);
  await db.schema
    .alterTable('users')
    .dropColumn('email')
    .dropColumn('email_verified_at')
    .dropColumn('phone')
    .dropColumn('phone_verified_at')
    .dropColumn('language')
    .execute();
}
