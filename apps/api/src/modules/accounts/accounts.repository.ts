import type { Insertable, Selectable } from 'kysely';
import type { DB } from '../../db/connect';
import type { AccountTokenPurpose, AccountTokensTable } from '../../db/database';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;
export type AccountTokenRow = Selectable<AccountTokensTable>;

export async function insertToken(trx: Executor, row: Insertable<AccountTokensTable>): Promise<void> {
  await trx.insertInto('account_tokens').values(row).execute();
}

/** A link token still usable (not used, not expired), locked for the transaction that uses it. */
export async function usableTokenByHash(trx: Trx, hash: string, purpose: AccountTokenPurpose, now: Date) {
  return trx
    .selectFrom('account_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

/** A reset row carries `<link hash>:<code hash>`: the link finds it by the first part. */
export async function usableResetByLink(trx: Trx, linkHash: string, now: Date) {
  return trx
    .selectFrom('account_tokens')
    .select(['id', 'user_id'])
    .where('purpose', '=', 'password_reset')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('token_hash', 'like', `${linkHash}:%`)
    .forUpdate()
    .executeTakeFirst();
}

/** The newest usable code of a user for a purpose (a code is checked against it, and dies after a few misses). */
export async function latestUsableCode(trx: Trx, userId: string, purpose: AccountTokenPurpose, now: Date) {
  return trx
    .selectFrom('account_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function countMiss(trx: Trx, id: string): Promise<void> {
  await trx
    .updateTable('account_tokens')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function markUsed(trx: Trx, id: string, at: Date): Promise<void> {
  await trx.updateTable('account_tokens').set({ used_at: at }).where('id', '=', id).execute();
}

/** Voids a user's other open tokens of a purpose (a new invitation or reset replaces the old). */
export async function voidOpenTokens(trx: Trx, userId: string, purpose: AccountTokenPurpose, at: Date) {
  await trx
    .updateTable('account_tokens')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export async function tokensSince(db: Executor, userId: string, purpose: AccountTokenPurpose, since: Date) {
  const row = await db
    .selectFrom('account_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const ACCOUNT = [
  'id',
  'username',
  'display_name',
  'email',
  'email_verified_at',
  'phone',
  'phone_verified_at',
  'language',
  'disabled',
] as const;

export async function accountById(db: Executor, id: string) {
  return db.selectFrom('users').select(ACCOUNT).where('id', '=', id).executeTakeFirst();
}

/** The account a person names when they forgot their password: by username, e-mail or mobile (verified ones only). */
export async function accountByLogin(db: Executor, login: string) {
  return db
    .selectFrom('users')
    .select(ACCOUNT)
    .where((eb) =>
      eb.or([
        eb('username', '=', login),
        eb.and([eb(eb.fn('lower', ['email']), '=', login.toLowerCase()), eb('email_verified_at', 'is not', null)]),
        eb.and([eb('phone', '=', login), eb('phone_verified_at', 'is not', null)]),
      ]),
    )
    .where('disabled', '=', false)
    .orderBy('id')
    .executeTakeFirst();
}

/** Whether another account already holds this address or number (they are unique). */
export async function contactTaken(db: Executor, channel: 'email' | 'sms', address: string, selfId: string) {
  const query = db.selectFrom('users').select('id').where('id', '!=', selfId);
  const row = await (channel === 'email'
    ? query.where((eb) => eb(eb.fn('lower', ['email']), '=', address.toLowerCase()))
    : query.where('phone', '=', address)
  ).executeTakeFirst();
  return row !== undefined;
}

export async function setContact(trx: Trx, userId: string, channel: 'email' | 'sms', address: string, at: Date) {
  await trx
    .updateTable('users')
    .set(
      channel === 'email'
        ? { email: address, email_verified_at: at, updated_at: at }
        : { phone: address, phone_verified_at: at, updated_at: at },
    )
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

export async function setPassword(trx: Trx, userId: string, passwordHash: string, at: Date) {
  await trx
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: at, updated_at: at })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

export async function setLanguage(trx: Trx, userId: string, language: 'zh' | 'en') {
  await trx.updateTable('users').set({ language }).where('id', '=', userId).execute();
}
