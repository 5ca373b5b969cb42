import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';

/** Serialises key creation and rotation across processes (a fixed advisory lock key). */
const KEY_CREATION_LOCK = 7_130_202;

export async function lockKeyCreation(trx: Trx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${KEY_CREATION_LOCK})`.execute(trx);
}

/** A key given by configuration: only its public part is kept, once. */
export async function keepConfiguredPublicKey(db: DB, kid: string, algorithm: string, publicJwk: string) {
  await db
    .insertInto('signing_keys')
    .values({ kid, algorithm, private_jwk: JSON.stringify({}), public_jwk: publicJwk })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute();
}

/** The newest key this database holds privately and has not retired. */
export function newestPrivateKey(trx: Trx) {
  return trx
    .selectFrom('signing_keys')
    .select(['kid', 'private_jwk'])
    .where('retired_at', 'is', null)
    .where(sql<boolean>`private_jwk <> '{}'::jsonb`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertSigningKey(
  trx: Trx,
  key: { kid: string; algorithm: string; privateJwk: string; publicJwk: string; createdAt: Date },
): Promise<void> {
  await trx
    .insertInto('signing_keys')
    .values({
      kid: key.kid,
      algorithm: key.algorithm,
      private_jwk: key.privateJwk,
      public_jwk: key.publicJwk,
      created_at: key.createdAt,
    })
    .execute();
}

export async function retireActiveKeys(trx: Trx): Promise<void> {
  await trx.updateTable('signing_keys').set({ retired_at: new Date() }).where('retired_at', 'is', null).execute();
}

export function allKeys(db: DB) {
  return db
    .selectFrom('signing_keys')
    .select(['kid', 'algorithm', 'created_at', 'retired_at'])
    .orderBy('created_at', 'desc')
    .execute();
}

/** Public keys of active keys and of those retired after `cutoff`, newest first. */
export function publicKeysSince(db: DB, cutoff: Date) {
  return db
    .selectFrom('signing_keys')
    .select(['kid', 'public_jwk'])
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', cutoff)]))
    .orderBy('created_at', 'desc')
    .execute();
}
