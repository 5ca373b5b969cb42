import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
} from 'jose';
import type { DB } from '../../db/connect';
import { inTransaction, type Trx } from '../../lib/write';
import * as repo from './signing-keys.repository';

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

/**
 * The active signing key: from configuration (PEM) when given, else the newest key kept in the
 * database, created on first start. Keeping it in the database lets several API processes share it.
 */
export async function loadSigningKey(db: DB, configuredPem: string | null): Promise<SigningKey> {
  if (configuredPem) {
    const privateKey = await importPKCS8(configuredPem, SIGNING_ALGORITHM, { extractable: true });
    const jwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(jwk);
    await repo.keepConfiguredPublicKey(db, kid, SIGNING_ALGORITHM, JSON.stringify(publicPart(jwk, kid)));
    return { kid, privateKey };
  }
  return inTransaction(db, async (trx) => {
    await repo.lockKeyCreation(trx);
    const existing = await repo.newestPrivateKey(trx);
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
  await repo.insertSigningKey(trx, {
    kid,
    algorithm: SIGNING_ALGORITHM,
    privateJwk: JSON.stringify(await exportJWK(privateKey)),
    publicJwk: JSON.stringify(publicPart(publicJwk, kid)),
    createdAt,
  });
  return { kid, privateKey, createdAt };
}

/**
 * Starts signing with a new key. The old one is retired, not deleted: it keeps verifying the tokens
 * it signed until they expire, so nobody is logged out by a rotation.
 */
export async function rotateSigningKey(trx: Trx): Promise<{ kid: string; createdAt: Date }> {
  await repo.lockKeyCreation(trx);
  await repo.retireActiveKeys(trx);
  const { kid, createdAt } = await createSigningKey(trx);
  return { kid, createdAt };
}

export async function listSigningKeys(db: DB) {
  return repo.allKeys(db);
}

/** Public keys that may still verify tokens: active ones and those retired less than `graceSeconds` ago. */
export async function loadPublicKeys(db: DB, graceSeconds: number): Promise<PublicJwk[]> {
  const cutoff = new Date(Date.now() - graceSeconds * 1000);
  const rows = await repo.publicKeysSince(db, cutoff);
  return rows.flatMap((row) => (isJwk(row.public_jwk) ? [publicPart(row.public_jwk, row.kid)] : []));
}
