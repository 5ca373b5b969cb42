import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
} from 'jose';
import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';

export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface PublicJwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  kid: string;
  alg: string;
  use: string;
}

function publicPart(jwk: JWK, kid: string): PublicJwk {
  return {
    kty: jwk.kty ?? 'EC',
    ...(jwk.crv ? { crv: jwk.crv } : {}),
    ...(jwk.x ? { x: jwk.x } : {}),
    ...(jwk.y ? { y: jwk.y } : {}),
    kid,
    alg: SIGNING_ALGORITHM,
    use: 'sig',
  };
}

function isJwk(value: unknown): value is JWK {
  return typeof value === 'object' && value !== null && 'kty' in value;
}

/** Serialises first-start key creation when several processes start together. */
const KEY_CREATION_LOCK = 7_130_202;

/**
 * The active signing key: from configuration (PEM) when given, else the newest key kept in the
 * database, created on first start. Keeping it in the database lets several API processes share it.
 */
export async function loadSigningKey(db: DB, configuredPem: string | null): Promise<SigningKey> {
  if (configuredPem) {
    const privateKey = await importPKCS8(configuredPem, SIGNING_ALGORITHM, { extractable: true });
    const jwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(jwk);
    await db
      .insertInto('signing_keys')
      .values({
        kid,
        algorithm: SIGNING_ALGORITHM,
        private_jwk: JSON.stringify({}),
        public_jwk: JSON.stringify(publicPart(jwk, kid)),
      })
      .onConflict((oc) => oc.column('kid').doNothing())
      .execute();
    return { kid, privateKey };
  }
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${KEY_CREATION_LOCK})`.execute(trx);
    const existing = await trx
      .selectFrom('signing_keys')
      .select(['kid', 'private_jwk'])
      .where('retired_at', 'is', null)
      .where(sql<boolean>`private_jwk <> '{}'::jsonb`)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (existing && isJwk(existing.private_jwk)) {
      const key = await importJWK(existing.private_jwk, SIGNING_ALGORITHM);
      if (key instanceof Uint8Array) throw new Error('stored signing key is not an asymmetric key');
      return { kid: existing.kid, privateKey: key };
    }
    return createSigningKey(trx);
  });
}

async function createSigningKey(trx: Trx): Promise<SigningKey & { createdAt: Date }> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const createdAt = new Date();
  await trx
    .insertInto('signing_keys')
    .values({
      kid,
      algorithm: SIGNING_ALGORITHM,
      private_jwk: JSON.stringify(await exportJWK(privateKey)),
      public_jwk: JSON.stringify(publicPart(publicJwk, kid)),
      created_at: createdAt,
    })
    .execute();
  return { kid, privateKey, createdAt };
}

/**
 * Starts signing with a new key. The old one is retired, not deleted: it keeps verifying the tokens
 * it signed until they expire, so nobody is logged out by a rotation.
 */
export async function rotateSigningKey(trx: Trx): Promise<{ kid: string; createdAt: Date }> {
  await sql`SELECT pg_advisory_xact_lock(${KEY_CREATION_LOCK})`.execute(trx);
  await trx.updateTable('signing_keys').set({ retired_at: new Date() }).where('retired_at', 'is', null).execute();
  const { kid, createdAt } = await createSigningKey(trx);
  return { kid, createdAt };
}

export async function listSigningKeys(db: DB) {
  return db
    .selectFrom('signing_keys')
    .select(['kid', 'algorithm', 'created_at', 'retired_at'])
    .orderBy('created_at', 'desc')
    .execute();
}

/** Public keys that may still verify tokens: active ones and those retired less than `graceSeconds` ago. */
export async function loadPublicKeys(db: DB, graceSeconds: number): Promise<PublicJwk[]> {
  const cutoff = new Date(Date.now() - graceSeconds * 1000);
  const rows = await db
    .selectFrom('signing_keys')
    .select(['kid', 'public_jwk'])
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', cutoff)]))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.flatMap((row) => (isJwk(row.public_jwk) ? [publicPart(row.public_jwk, row.kid)] : []));
}
