import type { Role } from '@society-hub/domain';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { Config } from '../../config';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import type { RequestContext } from '../../lib/request-context';
import { write } from '../../lib/write';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  revokeUserSessions,
  type UserRecord,
  updateUserRow,
} from '../users/users.repository';

type Settings = NonNullable<Config['externalIdentity']>;

/** Accounts that only ever sign in through the provider: no password can match this. */
const NO_PASSWORD = '!external';

/**
 * Trusts the access tokens of the city's unified login (an OpenID Connect provider) besides our own.
 * The provider says who the person is and, through the role map, what role they hold; the platform
 * keeps a local account for them (created on first sight) so that disabling, society bindings and
 * the audit trail work exactly as for local accounts.
 */
export class ExternalIdentity {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly db: DB,
    private readonly settings: Settings,
  ) {
    this.jwks = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  }

  /** Whether the (unverified) token claims to come from the provider. */
  issued(token: string): boolean {
    try {
      return decodeJwt(token).iss === this.settings.issuer;
    } catch {
      return false;
    }
  }

  private roleFrom(claim: unknown): Role | null {
    const names = Array.isArray(claim) ? claim.map(String) : typeof claim === 'string' ? claim.split(/\s+/) : [];
    return this.settings.roleMap.find((entry) => names.includes(entry.external))?.role ?? null;
  }

  /** The local account behind a provider token; throws 401 for a bad token and 403 for no mapped role. */
  async user(token: string, context: Omit<RequestContext, 'actor'>): Promise<UserRecord> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      }));
    } catch {
      throw errors.unauthorized('The access token is invalid or has expired.');
    }
    const username = payload[this.settings.usernameClaim];
    if (typeof username !== 'string' || !/^[A-Za-z0-9._@-]{1,100}$/.test(username)) {
      throw errors.unauthorized('The token does not name a usable account.');
    }
    const role = this.roleFrom(payload[this.settings.rolesClaim]);
    if (!role) throw errors.forbidden('Your unified-login account holds no role on this platform.');

    const existing = await findUserByUsername(this.db, username);
    if (existing?.disabled) throw errors.unauthorized('The access token is invalid or has expired.');
    if (existing && existing.role === role) return existing;

    const id = await write(
      this.db,
      { ...context, actor: { kind: 'user', id: existing?.id ?? null, name: username } },
      async (trx, record) => {
        if (existing) {
          await updateUserRow(trx, existing.id, { role });
          await revokeUserSessions(trx, existing.id);
          record({
            action: 'user.role_from_identity_provider',
            resourceType: 'user',
            resourceId: existing.id,
            before: { role: existing.role },
            after: { role },
          });
          return existing.id;
        }
        const created = await insertUser(trx, { username, passwordHash: NO_PASSWORD, role, displayName: null });
        record({
          action: 'user.provision_from_identity_provider',
          resourceType: 'user',
          resourceId: created,
          after: { id: created, username, role, societyIds: [] },
        });
        return created;
      },
    );
    const user = await findUserById(this.db, id);
    if (!user) throw errors.unauthorized();
    return user;
  }
}
