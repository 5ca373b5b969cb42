import type { Kysely } from 'kysely';

/**
 * When a request holding an Idempotency-Key commits its change. Set inside the business transaction
 * (`lib/write.ts`), so it is true exactly when the change happened, even if the process dies before
 * it stores its answer: a retry is then told the request was carried out instead of running it again.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('committed_at', 'timestamptz').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').dropColumn('committed_at').execute();
}
