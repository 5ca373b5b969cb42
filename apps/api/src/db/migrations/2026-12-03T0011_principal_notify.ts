import { type Kysely, sql } from 'kysely';

const TABLES = ['users', 'user_societies', 'clients', 'client_societies'] as const;

/**
 * Every change to who a caller is (an account or machine client disabled, its role, scopes or
 * societies changed) notifies the channel `principal_changed` when it commits. API processes cache
 * callers between requests and empty that cache on the notification, so a change still takes effect
 * at once in every process, whichever process — or hand in psql — made it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_principal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('principal_changed', TG_TABLE_NAME);
      RETURN NULL;
    END $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_principal_changed`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION notify_principal_changed()`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_principal_changed`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS notify_principal_changed()`.execute(db);
}
