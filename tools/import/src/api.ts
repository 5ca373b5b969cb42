/**
 * The API as the importer uses it: the one typed client (`@society-hub/client`), a bearer token that is
 * obtained from the environment's credentials and renewed before it expires (or when the API says 401),
 * and the `Retry-After` of the last answer, which the typed client's errors do not carry.
 */
import { type ApiClient, ApiError, createApiClient } from '@society-hub/client';

export type Credentials =
  | { kind: 'client'; clientId: string; clientSecret: string; scope?: string }
  | { kind: 'user'; username: string; password: string };

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Credentials from `SOCIETY_HUB_CLIENT_ID`/`_SECRET`, else `SOCIETY_HUB_USERNAME`/`_PASSWORD`. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv, scope: string): Credentials {
  const clientId = env.SOCIETY_HUB_CLIENT_ID?.trim();
  const clientSecret = env.SOCIETY_HUB_CLIENT_SECRET;
  if (clientId && clientSecret) {
    return { kind: 'client', clientId, clientSecret, scope: env.SOCIETY_HUB_SCOPE?.trim() || scope };
  }
  const username = env.SOCIETY_HUB_USERNAME?.trim();
  const password = env.SOCIETY_HUB_PASSWORD;
  if (username && password) return { kind: 'user', username, password };
  throw new UsageError(
    `缺少登录凭据：请设置 SOCIETY_HUB_CLIENT_ID 和 SOCIETY_HUB_CLIENT_SECRET（机器客户端，需 ${scope} 权限），` +
      '或 SOCIETY_HUB_USERNAME 和 SOCIETY_HUB_PASSWORD',
  );
}

/** Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), if it says. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (at - now) / 1000);
}

export interface Api {
  client: ApiClient;
  /** `Retry-After` (seconds) of the most recent answer, if it had one. */
  lastRetryAfter(): number | undefined;
  /** Forgets the token so the next request obtains a fresh one (after a 401). */
  invalidateToken(): void;
  /** Obtains a token now, so bad credentials are reported before any upload. */
  authenticate(): Promise<void>;
}

export function connect(baseUrl: string, credentials: Credentials, now: () => number = Date.now): Api {
  let retryAfter: number | undefined;
  const transport: typeof fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return response;
  };

  const auth = createApiClient({ baseUrl, fetch: transport });
  let token: { value: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const obtain = async (): Promise<string> => {
    let accessToken: string;
    let expiresIn: number;
    if (credentials.kind === 'client') {
      const { data } = await auth.POST('/v1/oauth/token', {
        body: {
          grant_type: 'client_credentials',
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          ...(credentials.scope ? { scope: credentials.scope } : {}),
        },
      });
      if (!data) throw new Error('empty token response');
      accessToken = data.access_token;
      expiresIn = data.expires_in;
    } else {
      const { data } = await auth.POST('/v1/auth/login', {
        body: { username: credentials.username, password: credentials.password },
      });
      if (!data) throw new Error('empty login response');
      accessToken = data.accessToken;
      expiresIn = data.expiresIn;
    }
    // Renew a little before expiry (a fifth of the lifetime, at most a minute), so a batch in flight
    // never carries a token that runs out on the way.
    const margin = Math.min(60, expiresIn / 5);
    token = { value: accessToken, renewAt: now() + (expiresIn - margin) * 1000 };
    return accessToken;
  };

  const current = async (): Promise<string> => {
    if (token && now() < token.renewAt) return token.value;
    pending ??= obtain().finally(() => {
      pending = undefined;
    });
    return pending;
  };

  const client = createApiClient({ baseUrl, fetch: transport, getAccessToken: current, language: () => 'zh-CN' });
  return {
    client,
    lastRetryAfter: () => retryAfter,
    invalidateToken: () => {
      token = undefined;
    },
    authenticate: async () => {
      await current();
    },
  };
}

/** A readable account of why a call failed, for the console. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = (error.problem.errors ?? []).map((e) => `${e.path}: ${e.message}`);
    // The token endpoint's OAuth errors arrive with their RFC 6749 code as `code` (packages/client).
    return `HTTP ${error.status} ${error.problem.code}: ${error.problem.detail ?? error.problem.title}${fields.length ? ` (${fields.join('; ')})` : ''}`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
