import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import type { Caller } from '../../lib/request-context';
import { write } from '../../lib/write';
import {
  findUserById,
  findUserByUsername,
  replacePasswordHash,
  revokeUserSessions,
  type UserRecord,
  updateUserRow,
} from '../users/users.repository';
import { checkPassword } from '../users/users.service';
import type { CurrentUserSchema, TokenResponseSchema } from './auth.schemas';
import type { LoginThrottle } from './login-throttle';
import { decoyHash, hashPassword, isOutdatedHash, verifyPassword } from './passwords';
import { issueRefreshToken, revokeByToken, spendRefreshToken } from './refresh-tokens.repository';
import { passwordClaim, type TokenService } from './tokens';

type TokenResponse = Static<typeof TokenResponseSchema>;
type CurrentUser = Static<typeof CurrentUserSchema>;

export interface Session {
  response: TokenResponse;
  refreshToken: string;
}

export function toCurrentUser(user: UserRecord): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    societyIds: user.societyIds,
    mustChangePassword: user.mustChangePassword,
  };
}

const BAD_CREDENTIALS = 'The username or password is incorrect.';

export class AuthService {
  constructor(
    private readonly db: DB,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly settings: { accessTtlSeconds: number; refreshTtlSeconds: number },
  ) {}

  private async session(user: UserRecord, familyId: string | null): Promise<Session> {
    const accessToken = await this.tokens.sign(user.id, {
      role: user.role,
      typ: 'user',
      pwc: passwordClaim(user.passwordChangedAt),
    });
    const refreshToken = await issueRefreshToken(this.db, user.id, familyId, this.settings.refreshTtlSeconds);
    return {
      response: {
        accessToken,
        tokenType: 'Bearer',
        expiresIn: this.settings.accessTtlSeconds,
        user: toCurrentUser(user),
      },
      refreshToken,
    };
  }

  /** Same answer, and about the same time, for an unknown user, a wrong password and a disabled account. */
  async login(username: string, password: string, address: string): Promise<Session> {
    const keys = { account: username, address };
    await this.throttle.assertAllowed(keys);
    const user = await findUserByUsername(this.db, username);
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !passwordOk || user.disabled) {
      await this.throttle.recordFailure(keys);
      throw errors.unauthorized(BAD_CREDENTIALS);
    }
    await this.throttle.recordSuccess(keys);
    if (isOutdatedHash(user.passwordHash)) {
      await replacePasswordHash(this.db, user.id, user.passwordHash, await hashPassword(password));
    }
    return this.session(user, null);
  }

  /**
   * One's own password change: needs the current password (a stolen access token alone must not be
   * enough to take the account), counted by the sign-in throttle when wrong. Ends every session of the
   * user — any thief's with them — and starts a new one for this caller; clears a reset's
   * must-change flag.
   */
  async changePassword(
    { principal, context }: Caller,
    input: { currentPassword: string; newPassword: string },
  ): Promise<Session> {
    const user = principal.kind === 'user' ? await findUserById(this.db, principal.id) : undefined;
    if (!user) throw errors.forbidden('Only people have a password.');
    const keys = { account: user.username, address: context.ip ?? 'unknown' };
    await this.throttle.assertAllowed(keys);
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      await this.throttle.recordFailure(keys);
      throw errors.validation(
        [{ path: '/body/currentPassword', code: 'wrong_password', message: 'The current password is incorrect.' }],
        'The current password is incorrect.',
      );
    }
    await this.throttle.recordSuccess(keys);
    const fieldErrors = checkPassword(user.username, input.newPassword, '/body/newPassword');
    if (input.newPassword === input.currentPassword) {
      fieldErrors.push({
        path: '/body/newPassword',
        code: 'same_password',
        message: 'Choose a password other than the current one.',
      });
    }
    if (fieldErrors.length) throw errors.validation(fieldErrors);
    const passwordHash = await hashPassword(input.newPassword);
    const changedAt = new Date();
    await write(this.db, context, async (trx, record) => {
      await updateUserRow(trx, user.id, {
        password_hash: passwordHash,
        must_change_password: false,
        password_changed_at: changedAt,
      });
      await revokeUserSessions(trx, user.id);
      // That the password changed, and by whom; never what it is.
      record({
        action: 'user.password_change',
        resourceType: 'user',
        resourceId: user.id,
        after: { id: user.id, username: user.username, mustChangePassword: false },
      });
    });
    return this.session({ ...user, mustChangePassword: false, passwordChangedAt: changedAt }, null);
  }

  async refresh(refreshToken: string | undefined): Promise<Session> {
    if (!refreshToken) throw errors.unauthorized('No session to refresh; log in again.');
    const spent = await spendRefreshToken(this.db, refreshToken);
    if (!spent.ok) {
      throw errors.unauthorized(
        spent.reused
          ? 'This session was ended because its refresh token was used twice; log in again.'
          : 'The session has expired; log in again.',
      );
    }
    const user = await findUserById(this.db, spent.userId);
    if (!user || user.disabled) throw errors.unauthorized('The session has expired; log in again.');
    return this.session(user, spent.familyId);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken) await revokeByToken(this.db, refreshToken);
  }
}
