import type { Role } from '@society-hub/domain';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string | null;
  passwordHash: string;
  role: Role;
  disabled: boolean;
  societyIds: string[];
}

async function withSocieties(
  db: DB | Trx,
  row: {
    id: string;
    username: string;
    display_name: string | null;
    password_hash: string;
    role: Role;
    disabled: boolean;
  },
): Promise<UserRecord> {
  const links = await db.selectFrom('user_societies').select('society_id').where('user_id', '=', row.id).execute();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    disabled: row.disabled,
    societyIds: links.map((l) => l.society_id),
  };
}

const userColumns = ['id', 'username', 'display_name', 'password_hash', 'role', 'disabled'] as const;

export async function findUserByUsername(db: DB | Trx, username: string): Promise<UserRecord | undefined> {
  const row = await db
    .selectFrom('users')
    .select(userColumns)
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row ? withSocieties(db, row) : undefined;
}

export async function findUserById(db: DB | Trx, id: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row ? withSocieties(db, row) : undefined;
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
  user: { username: string; passwordHash: string; role: Role; displayName?: string | null; societyIds?: string[] },
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
