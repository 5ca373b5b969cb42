import { randomBytes } from 'node:crypto';
import type { DB } from './db/connect';
import { systemContext } from './lib/request-context';
import { write } from './lib/write';
import { hashPassword } from './modules/auth/passwords';
import { countUsers, insertUser } from './modules/users/users.repository';

export interface CreatedAdmin {
  username: string;
  /** Set only when the password was generated here and must be shown to the operator once. */
  generatedPassword: string | null;
}

/**
 * On a database without users, creates the first administrator: the one named by ADMIN_USERNAME /
 * ADMIN_PASSWORD, or else `admin` with a generated password that the caller prints once, so a fresh
 * install is never left without a way in nor with a well-known password.
 */
export async function ensureAdmin(
  db: DB,
  configuredUsername: string | null,
  configuredPassword: string | null,
): Promise<CreatedAdmin | null> {
  if ((await countUsers(db)) > 0) return null;
  const username = configuredUsername ?? 'admin';
  const generatedPassword = configuredPassword ? null : randomBytes(12).toString('base64url');
  const password = configuredPassword ?? generatedPassword ?? '';
  const passwordHash = await hashPassword(password);
  await write(db, systemContext('bootstrap'), async (trx, record) => {
    const id = await insertUser(trx, { username, passwordHash, role: 'admin', displayName: '系统管理员' });
    record({
      action: 'user.create',
      resourceType: 'user',
      resourceId: id,
      after: { id, username, role: 'admin', societyIds: [] },
    });
  });
  return { username, generatedPassword };
}
