import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueRefreshToken(
  db: DB,
  userId: string,
  familyId: string | null,
  ttlSeconds: number,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('refresh_tokens')
    .values({
      id: uuidv7(),
      user_id: userId,
      family_id: familyId ?? uuidv7(),
      token_hash: hashToken(token),
      expires_at: new Date(Date.now() + ttlSeconds * 1000),
      created_at: new Date(),
    })
    .execute();
  return token;
}

export type RefreshOutcome = { ok: true; userId: string; familyId: string } | { ok: false; reused: boolean };

/**
 * A token spent this recently may be spent again. Browser tabs share one cookie: tabs opened together
 * (or restored after a restart) each refresh with the same cookie at once, and a page reloaded while
 * its refresh was being answered never stores the new cookie. Without this leeway each of those ends
 * the user's session everywhere, as a copied token does. (Auth0 calls it the reuse interval.)
 */
export const REUSE_GRACE_MS = 10_000;

/**
 * Spends a refresh token: it works once, or again within REUSE_GRACE_MS of its first use. Presenting
 * a spent token later, or a revoked one, means it was copied, so the whole family (every token
 * descended from that login) is revoked.
 */
export async function spendRefreshToken(db: DB, token: string): Promise<RefreshOutcome> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const spent = await db
    .updateTable('refresh_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'family_id'])
    .executeTakeFirst();
  if (spent) return { ok: true, userId: spent.user_id, familyId: spent.family_id };
  const known = await db
    .selectFrom('refresh_tokens')
    .select(['user_id', 'family_id', 'used_at', 'revoked_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (
    known?.used_at &&
    known.revoked_at === null &&
    known.expires_at > now &&
    now.getTime() - known.used_at.getTime() < REUSE_GRACE_MS
  ) {
    return { ok: true, userId: known.user_id, familyId: known.family_id };
  }
  if (known && (known.used_at !== null || known.revoked_at !== null)) {
    await revokeFamily(db, known.family_id);
    return { ok: false, reused: true };
  }
  return { ok: false, reused: false };
}

export async function revokeFamily(db: DB, familyId: string): Promise<void> {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeByToken(db: DB, token: string): Promise<void> {
  const row = await db
    .selectFrom('refresh_tokens')
    .select('family_id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (row) await revokeFamily(db, row.family_id);
}
