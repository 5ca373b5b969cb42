import type { ApiScope, Role } from '@society-hub/domain';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { DB, Listen } from '../db/connect';
import { AppError, errors } from '../lib/errors';
import type { Principal } from '../lib/request-context';
import { onCommit } from '../lib/write';
import { invalidTokenError } from '../modules/auth/challenges';
import type { ExternalIdentity } from '../modules/auth/external-identity';
import { PrincipalCache } from '../modules/auth/principal-cache';
import type { TokenService } from '../modules/auth/tokens';
import { passwordClaim } from '../modules/auth/tokens';
import { type ClientRecord, findClient } from '../modules/clients/clients.repository';
import { findUserById, type UserRecord } from '../modules/users/users.repository';

/**
 * What a route allows. Every route under /v1 must declare it (the app refuses to start otherwise),
 * so no endpoint is ever open by omission.
 */
export type Access =
  | 'public'
  | {
      /** Console users with one of these roles may call the route. */
      roles: readonly Role[];
      /** Machine clients holding this scope may call it; without `scope`, no client may. */
      scope?: ApiScope;
      /**
       * The Association's own business across societies (assignment boards, rankings, allocation):
       * a machine client bound to particular societies may not call it, whatever its scopes.
       */
      associationOnly?: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The route stays open to a user whose password an administrator reset (who must choose a new
     * one first): who am I, and changing the password. Every other route answers 403
     * password_change_required until then.
     */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    tokens: TokenService;
  }
}

/** Paths whose routes must declare `access`; the docs UI and the console's static files do not. */
export function isApiPath(url: string): boolean {
  return url.startsWith('/v1') || url.startsWith('/.well-known') || url === '/healthz' || url === '/readyz';
}

const INVALID_TOKEN = 'The access token is invalid or has expired.';

/**
 * The caller behind a bearer token, loaded fresh for every request: a disabled user or client, or a
 * scope withdrawn since the token was issued, takes effect at once.
 */
async function authenticate(
  db: DB,
  tokens: TokenService,
  external: ExternalIdentity | null,
  cache: PrincipalCache | null,
  request: FastifyRequest,
): Promise<Principal> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  // No bearer token: the bare challenge (errors plugin). A token that is not accepted: RFC 6750's invalid_token.
  if (!match?.[1]) throw errors.unauthorized();
  try {
    return await principalOfToken(db, tokens, external, cache, request, match[1]);
  } catch (error) {
    throw error instanceof AppError ? invalidTokenError(error) : error;
  }
}

async function principalOfToken(
  db: DB,
  tokens: TokenService,
  external: ExternalIdentity | null,
  cache: PrincipalCache | null,
  request: FastifyRequest,
  token: string,
): Promise<Principal> {
  if (external?.issued(token)) {
    return userPrincipal(await external.user(token, { requestId: request.id, ip: request.ip }));
  }
  const verified = await tokens.verify(token);
  if (!verified) throw errors.unauthorized(INVALID_TOKEN);

  if (verified.claims.typ === 'client') {
    const client = await loadClient(db, cache, verified.sub);
    if (!client || client.disabled) throw errors.unauthorized(INVALID_TOKEN);
    const granted = typeof verified.claims.scope === 'string' ? verified.claims.scope.split(' ') : [];
    return {
      kind: 'client',
      id: client.id,
      name: client.name,
      scopes: client.scopes.filter((s) => granted.includes(s)),
      department: client.department,
      societyIds: client.societyIds,
      scope: client.societyIds.length ? { kind: 'some', societyIds: client.societyIds } : { kind: 'all' },
    };
  }

  const user = await loadUser(db, cache, verified.sub);
  if (!user || user.disabled || issuedBefore(verified.claims, user.passwordChangedAt)) {
    throw errors.unauthorized(INVALID_TOKEN);
  }
  return userPrincipal(user);
}

/**
 * A token issued under an earlier password (its `pwc` claim is not the user's last change or reset):
 * whoever holds it — a thief, say — loses it with the old password.
 */
function issuedBefore(claims: Record<string, unknown>, changedAt: Date | null): boolean {
  return (claims.pwc ?? 0) !== passwordClaim(changedAt);
}

async function loadUser(db: DB, cache: PrincipalCache | null, id: string): Promise<UserRecord | undefined> {
  const cached = cache?.user(id);
  if (cached) return cached;
  const since = cache?.begin() ?? 0;
  const user = await findUserById(db, id);
  if (user) cache?.keepUser(id, user, since);
  return user;
}

async function loadClient(db: DB, cache: PrincipalCache | null, id: string): Promise<ClientRecord | undefined> {
  const cached = cache?.client(id);
  if (cached) return cached;
  const since = cache?.begin() ?? 0;
  const client = await findClient(db, id);
  if (client) cache?.keepClient(id, client, since);
  return client;
}

function userPrincipal(user: UserRecord): Principal {
  return {
    kind: 'user',
    id: user.id,
    name: user.username,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    societyIds: user.societyIds,
    scope: user.role === 'society_officer' ? { kind: 'some', societyIds: user.societyIds } : { kind: 'all' },
  };
}

function allowed(access: Exclude<Access, 'public'>, principal: Principal): boolean {
  if (principal.kind === 'user') return access.roles.includes(principal.role);
  if (access.associationOnly && principal.scope.kind === 'some') return false;
  return access.scope !== undefined && principal.scopes.includes(access.scope);
}

const passwordChangeRequired = () =>
  new AppError(
    403,
    'password_change_required',
    'An administrator reset your password: choose a new one (POST /v1/auth/password) before anything else.',
  );

/** Principal tables whose change, committed by this process, empties the cache at once. */
const PRINCIPAL_RESOURCES = ['user', 'client'];

export interface AuthOptions {
  db: DB;
  tokens: TokenService;
  external?: ExternalIdentity | null;
  /** Notifications of the database; without them callers are read from it on every request. */
  listen?: Listen | undefined;
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: AuthOptions) => {
    app.decorate('tokens', options.tokens);
    app.decorateRequest('principal', null);

    let cache: PrincipalCache | null = null;
    if (options.listen) {
      const principals = new PrincipalCache();
      let listening: () => void = () => {};
      const firstReady = new Promise<void>((resolve) => {
        listening = resolve;
      });
      const unsubscribe = options.listen('principal_changed', {
        notify: () => principals.invalidate(),
        ready: () => {
          principals.listeningAgain();
          listening();
        },
        lost: () => principals.stoppedListening(),
      });
      // Start with the cache working when the database answers at once; a slow LISTEN only delays caching.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([firstReady, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
      clearTimeout(timer);
      const unwatch = onCommit((types) => {
        if (PRINCIPAL_RESOURCES.some((t) => types.has(t))) principals.invalidate();
      });
      app.addHook('onClose', async () => {
        unwatch();
        await unsubscribe();
      });
      cache = principals;
    }

    app.addHook('onRoute', (route) => {
      if (!isApiPath(route.url)) return;
      const access = route.config?.access;
      if (access === undefined) {
        throw new Error(`route ${route.method} ${route.url} does not declare its access`);
      }
      if (route.schema) route.schema.security = access === 'public' ? [] : [{ bearerAuth: [] }];
      if (access === 'public') return;
      // A route-level hook, so it runs after the rate limiter's (also route-level) and before the body is read.
      const openBeforePasswordChange = route.config?.beforePasswordChange === true;
      const requireRole: onRequestHookHandler = async (request) => {
        const principal = await authenticate(options.db, options.tokens, options.external ?? null, cache, request);
        if (principal.kind === 'user' && principal.mustChangePassword && !openBeforePasswordChange) {
          throw passwordChangeRequired();
        }
        if (!allowed(access, principal)) throw errors.forbidden();
        request.principal = principal;
      };
      const existing =
        route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
      route.onRequest = [...existing, requireRole];
    });
  },
  { name: 'auth', dependencies: ['errors'] },
);
