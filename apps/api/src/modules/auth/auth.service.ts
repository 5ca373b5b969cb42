import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import { findUserById, findUserByUsername, replacePasswordHash, type UserRecord } from '../users/users.repository';
import type { CurrentUserSchema, TokenResponseSchema } from './auth.schemas';
import type { LoginThrottle } from './login-throttle';
import { decoyHash, hashPassword, isOutdatedHash, verifyPassword } from './passwords';
import { issueRefreshToken, revokeByToken, spendRefreshToken } from './refresh-tokens.repository';
import type { TokenService } from './tokens';

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
    const accessToken = await this.tokens.sign(user.id, { role: user.role, typ: 'user' });
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
