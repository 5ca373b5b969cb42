import type { Role } from '@society-hub/domain';
import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { keysetOf } from '../../lib/pagination';
import type { Caller } from '../../lib/request-context';
import { EVERY_SOCIETY } from '../../lib/society-scope';
import { type Trx, write } from '../../lib/write';
import { hashPassword } from '../auth/passwords';
import { unreachableSocieties } from '../societies/societies.repository';
import * as repo from './users.repository';
import type { UserCreateSchema, UserListQuerySchema, UserPatchSchema, UserSchema } from './users.schemas';

type User = Static<typeof UserSchema>;

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserRow>>>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    societyIds: [...row.societyIds].sort(),
    expertId: row.expert_id,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Only a reviewer belongs to an expert, and one expert has at most one account. */
async function checkExpert(
  db: DB | Trx,
  role: Role,
  expertId: string | null,
  selfId: string | null,
): Promise<FieldError[]> {
  if (expertId === null) return [];
  if (role !== 'reviewer') {
    return [{ path: '/body/expertId', code: 'not_allowed', message: 'Only reviewer accounts belong to an expert.' }];
  }
  if (!(await repo.expertExists(db, expertId)))
    return [{ path: '/body/expertId', code: 'unknown_expert', message: `No expert has the id ${expertId}.` }];
  const holder = await repo.findUserOfExpert(db, expertId);
  if (holder && holder.id !== selfId) {
    return [
      { path: '/body/expertId', code: 'expert_taken', message: 'Another account already belongs to this expert.' },
    ];
  }
  return [];
}

/** A society officer keeps at least one society; nobody else is bound to any. */
async function checkBinding(db: DB | Trx, role: Role, societyIds: readonly string[]): Promise<FieldError[]> {
  if (role === 'society_officer' && societyIds.length === 0) {
    return [{ path: '/body/societyIds', code: 'required', message: 'A society officer keeps at least one society.' }];
  }
  if (role !== 'society_officer' && societyIds.length > 0) {
    return [
      { path: '/body/societyIds', code: 'not_allowed', message: 'Only society officers are bound to societies.' },
    ];
  }
  return unreachableSocieties(db, EVERY_SOCIETY, societyIds, '/body/societyIds');
}

export function checkPassword(username: string, password: string, path = '/body/password'): FieldError[] {
  return password.toLowerCase().includes(username.toLowerCase())
    ? [{ path, code: 'contains_username', message: 'The password must not contain the username.' }]
    : [];
}

export class UserService {
  constructor(private readonly db: DB) {}

  async list(query: Static<typeof UserListQuerySchema>) {
    const keyset = keysetOf(repo.USER_SORTS, query);
    const { rows, nextCursor } = await repo.listUsers(this.db, query, keyset);
    return { items: rows.map(toUser), nextCursor };
  }

  async get(id: string): Promise<User> {
    const row = await repo.findUserRow(this.db, id);
    if (!row) throw errors.notFound('User');
    return toUser(row);
  }

  async create({ context }: Caller, input: Static<typeof UserCreateSchema>): Promise<User> {
    const societyIds = input.societyIds ?? [];
    const fieldErrors = [
      ...(await checkBinding(this.db, input.role, societyIds)),
      ...(await checkExpert(this.db, input.role, input.expertId ?? null, null)),
      ...checkPassword(input.username, input.password),
    ];
    if (fieldErrors.length) throw errors.validation(fieldErrors);
    if (await repo.findUserByUsername(this.db, input.username)) {
      throw errors.conflict('The username is taken.', [
        { path: '/body/username', code: 'username_taken', message: 'Another account has this username.' },
      ]);
    }
    const passwordHash = await hashPassword(input.password);
    return write(this.db, context, async (trx, record) => {
      const id = await repo.insertUser(trx, {
        username: input.username,
        passwordHash,
        role: input.role,
        displayName: input.displayName?.trim() || null,
        societyIds,
        expertId: input.expertId ?? null,
      });
      const user = await this.reload(trx, id);
      record({ action: 'user.create', resourceType: 'user', resourceId: id, after: user });
      return user;
    });
  }

  private async reload(trx: Trx, id: string): Promise<User> {
    const row = await repo.findUserRow(trx, id);
    if (!row) throw errors.notFound('User');
    return toUser(row);
  }

  async update(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    input: Static<typeof UserPatchSchema>,
  ): Promise<User> {
    return write(this.db, context, async (trx, record) => {
      const current = await repo.findUserRow(trx, id, { forUpdate: true });
      if (!current) throw errors.notFound('User');
      assertVersion(current.version, expected);
      const role = input.role ?? current.role;
      const societyIds =
        input.societyIds ?? (input.role !== undefined && input.role !== 'society_officer' ? [] : current.societyIds);
      const expertId = input.expertId !== undefined ? input.expertId : role === 'reviewer' ? current.expert_id : null;
      const fieldErrors = [
        ...(await checkBinding(trx, role, societyIds)),
        ...(await checkExpert(trx, role, expertId, id)),
      ];
      if (fieldErrors.length) throw errors.validation(fieldErrors);
      const disabling = input.disabled === true && !current.disabled;
      const losingAdmin = current.role === 'admin' && !current.disabled && (role !== 'admin' || disabling);
      if (losingAdmin && id === principal.id) {
        throw errors.ruleViolation('You cannot disable or demote your own account; ask another administrator.', [
          { path: '/body', code: 'own_account', message: 'An administrator cannot lock themselves out.' },
        ]);
      }
      if (losingAdmin && (await repo.countActiveAdmins(trx)) <= 1) {
        throw errors.ruleViolation('This is the last active administrator; appoint another one first.', [
          { path: '/body', code: 'last_admin', message: 'The platform needs at least one active administrator.' },
        ]);
      }
      const before = toUser(current);
      await repo.updateUserRow(trx, id, {
        display_name: input.displayName === undefined ? undefined : input.displayName?.trim() || null,
        role: input.role,
        disabled: input.disabled,
        expert_id: expertId === current.expert_id ? undefined : expertId,
      });
      const bindingChanged = [...societyIds].sort().join() !== [...current.societyIds].sort().join();
      if (bindingChanged) await repo.setUserSocieties(trx, id, societyIds);
      if (disabling || role !== current.role) await repo.revokeUserSessions(trx, id);
      const user = await this.reload(trx, id);
      record({ action: 'user.update', resourceType: 'user', resourceId: id, before, after: user });
      return user;
    });
  }

  /**
   * Sets a new password chosen by an administrator for someone else, ends the user's sessions, and
   * makes them choose their own at their next sign-in (the administrator knows this one). One's own
   * password is changed with the current one, at POST /v1/auth/password: a stolen access token alone
   * must not be enough to take the account.
   */
  async resetPassword({ principal, context }: Caller, id: string, password: string): Promise<User> {
    if (id === principal.id) {
      throw errors.ruleViolation('Change your own password with your current one (POST /v1/auth/password).', [
        { path: '/body/password', code: 'own_account', message: 'Your own password needs your current one.' },
      ]);
    }
    const current = await repo.findUserRow(this.db, id);
    if (!current) throw errors.notFound('User');
    const fieldErrors = checkPassword(current.username, password);
    if (fieldErrors.length) throw errors.validation(fieldErrors);
    const passwordHash = await hashPassword(password);
    return write(this.db, context, async (trx, record) => {
      await repo.updateUserRow(trx, id, {
        password_hash: passwordHash,
        must_change_password: true,
        password_changed_at: new Date(),
      });
      await repo.revokeUserSessions(trx, id);
      const user = await this.reload(trx, id);
      // The audit row says that the password changed, never what it is.
      record({
        action: 'user.password_reset',
        resourceType: 'user',
        resourceId: id,
        after: { id, username: user.username, mustChangePassword: true },
      });
      return user;
    });
  }
}
