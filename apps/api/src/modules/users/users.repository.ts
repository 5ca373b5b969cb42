import type { Role } from '@society-hub/domain';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import { containsPattern, linkedSocietyIds } from '../../lib/sql';
import type { Trx } from '../../lib/write';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string | null;
  passwordHash: string;
  role: Role;
  disabled: boolean;
  /** An administrator reset the password: the user must choose a new one before anything else. */
  mustChangePassword: boolean;
  /** Access tokens issued before this (the last change or reset of the password) are refused. */
  passwordChangedAt: Date | null;
  societyIds: string[];
}

function toUserRecord(row: {
  id: string;
  username: string;
  display_name: string | null;
  password_hash: string;
  role: Role;
  disabled: boolean;
  must_change_password: boolean;
  password_changed_at: Date | null;
  society_ids: string[];
}): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    passwordChangedAt: row.password_changed_at,
    societyIds: row.society_ids,
  };
}

const userColumns = [
  'id',
  'username',
  'display_name',
  'password_hash',
  'role',
  'disabled',
  'must_change_password',
  'password_changed_at',
] as const;

const societyIds = linkedSocietyIds('users');

export async function findUserByUsername(db: DB | Trx, username: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...userColumns, societyIds])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row ? toUserRecord(row) : undefined;
}

export async function findUserById(db: DB | Trx, id: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...userColumns, societyIds])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toUserRecord(row) : undefined;
}

export async function countUsers(db: DB | Trx): Promise<number> {
  const { count } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function insertUser(
  db: DB | Trx,
  user: {
    username: string;
    passwordHash: string;
    role: Role;
    displayName?: string | null;
    societyIds?: string[];
    expertId?: string | null;
  },
): Promise<string> {
  const id = uuidv7();
  const now = new Date();
  await db
    .insertInto('users')
    .values({
      id,
      username: user.username,
      display_name: user.displayName ?? null,
      password_hash: user.passwordHash,
      role: user.role,
      expert_id: user.expertId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (user.societyIds?.length) {
    await db
      .insertInto('user_societies')
      .values(user.societyIds.map((societyId) => ({ user_id: id, society_id: societyId })))
      .execute();
  }
  return id;
}

export const USER_SORTS: readonly SortSpec[] = [{ name: 'username', column: 'username', direction: 'asc' }];

export async function listUsers(
  db: DB | Trx,
  filters: { role?: Role | undefined; disabled?: boolean | undefined; q?: string | undefined },
  keyset: Keyset,
) {
  let query = db.selectFrom('users').selectAll();
  if (filters.role) query = query.where('role', '=', filters.role);
  if (filters.disabled !== undefined) query = query.where('disabled', '=', filters.disabled);
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    query = query.where((eb) => eb.or([eb('username', 'ilike', pattern), eb('display_name', 'ilike', pattern)]));
  }
  const { rows, nextCursor } = await paginate(query, keyset, 'id');
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db.selectFrom('user_societies').selectAll().where('user_id', 'in', ids).execute()
    : [];
  return {
    rows: rows.map((row) => ({
      ...row,
      societyIds: links.filter((l) => l.user_id === row.id).map((l) => l.society_id),
    })),
    nextCursor,
  };
}

export async function findUserRow(db: DB | Trx, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('users').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const links = await db.selectFrom('user_societies').select('society_id').where('user_id', '=', id).execute();
  return { ...row, societyIds: links.map((l) => l.society_id) };
}

export async function updateUserRow(
  trx: Trx,
  id: string,
  changes: {
    display_name?: string | null;
    role?: Role;
    disabled?: boolean;
    password_hash?: string;
    must_change_password?: boolean;
    password_changed_at?: Date;
    expert_id?: string | null;
  },
) {
  await trx
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

/**
 * Swaps a stored password hash for one of the same password made with today's parameters. Not a change
 * of the account — no version, no audit row — and only if the hash is still the one verified, so an
 * administrator's reset in the meantime wins.
 */
export async function replacePasswordHash(db: DB | Trx, id: string, verifiedHash: string, newHash: string) {
  await db
    .updateTable('users')
    .set({ password_hash: newHash })
    .where('id', '=', id)
    .where('password_hash', '=', verifiedHash)
    .execute();
}

export async function setUserSocieties(trx: Trx, userId: string, societyIds: string[]) {
  await trx.deleteFrom('user_societies').where('user_id', '=', userId).execute();
  if (societyIds.length) {
    await trx
      .insertInto('user_societies')
      .values(societyIds.map((societyId) => ({ user_id: userId, society_id: societyId })))
      .execute();
  }
}

export async function countActiveAdmins(trx: Trx): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ends every session of a user: their refresh tokens stop working (access tokens are refused on the next request). */
export async function revokeUserSessions(trx: Trx, userId: string) {
  await trx
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function expertExists(db: DB | Trx, expertId: string): Promise<boolean> {
  const expert = await db.selectFrom('experts').select('id').where('id', '=', expertId).executeTakeFirst();
  return expert !== undefined;
}

/** The account that belongs to an expert, if any. */
export async function findUserOfExpert(db: DB | Trx, expertId: string) {
  return db.selectFrom('users').select('id').where('expert_id', '=', expertId).executeTakeFirst();
}
