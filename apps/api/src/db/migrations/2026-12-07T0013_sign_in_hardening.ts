import type { Kysely } from 'kysely';

/**
 * Sign-in hardening (issue #17):
 * - failed sign-ins lock a key (an account from one address, an account from everywhere, an address)
 *   for a time that doubles with each lockout: `lockouts` counts them, `locked_until` ends the current one;
 * - an administrator's reset of someone else's password makes them choose a new one at the next sign-in;
 * - access tokens issued before the user's last password change or reset are refused.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('login_failures')
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('password_changed_at', 'timestamptz')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('must_change_password').dropColumn('password_changed_at').execute();
  await db.schema.alterTable('login_failures').dropColumn('lockouts').dropColumn('locked_until').execute();
}
