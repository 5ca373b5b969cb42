/**
 * The one typed client for the Society Hub API, used by the console and by Node scripts alike.
 * Types come from `schema.d.ts`, generated from `openapi.yaml` (never edit it by hand: `pnpm generate`).
 */
import createFetchClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths } from './schema';
export type Schemas = components['schemas'];
export type Problem = components['schemas']['Problem'];
export type ApiClient = ReturnType<typeof createFetchClient<paths>>;

/** Thrown for every non-2xx answer so callers (and TanStack Query) see failures as failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait before trying again, from the `Retry-After` header of a 429 or 503. */
  readonly retryAfter: number | undefined;
  constructor(problem: Problem, options: { retryAfter?: number } = {}) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = options.retryAfter;
  }
  /** Field-level messages keyed by the field path inside the request body (e.g. `creditCode`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const field = e.path.replace(/^\/body\/?/, '').replaceAll('/', '.');
      if (out[field] === undefined) out[field] = e.message;
    }
    return out;
  }
}

export interface ClientOptions {
  /** Origin of the API, e.g. `http://localhost:3000`; empty for same-origin in the browser. */
  baseUrl?: string;
  /** Returns the current bearer token, if any. Called for every request. */
  getAccessToken?: () => string | undefined | Promise<string | undefined>;
  /** Called on 401 so the caller can refresh and retry, or send the user to login. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  /** Sent as `Accept-Language` so human messages come in the reader's language. */
  language?: () => string | undefined;
}

/** `Retry-After` as seconds: either a number of seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/** The token endpoint answers errors as RFC 6749 §5.2 JSON; callers see them as problems like any other. */
function oauthProblem(value: unknown, status: number): Problem | undefined {
  if (typeof value !== 'object' || value === null || !('error' in value) || typeof value.error !== 'string') {
    return undefined;
  }
  const description =
    'error_description' in value && typeof value.error_description === 'string' ? value.error_description : undefined;
  return {
    type: 'about:blank',
    title: value.error,
    status,
    code: value.error,
    ...(description === undefined ? {} : { detail: description }),
  };
}

export function createApiClient(options: ClientOptions = {}): ApiClient {
  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl ?? '',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    credentials: 'include',
  });
  const middleware: Middleware = {
    async onRequest({ request }) {
      const token = await options.getAccessToken?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      const language = options.language?.();
      if (language) request.headers.set('Accept-Language', language);
      return request;
    },
    async onResponse({ response }) {
      if (response.ok) return response;
      if (response.status === 401) options.onUnauthorized?.();
      let body: unknown;
      try {
        body = await response.clone().json();
      } catch {
        body = undefined;
      }
      throw new ApiError(
        isProblem(body)
          ? body
          : (oauthProblem(body, response.status) ?? {
              type: 'about:blank',
              title: response.statusText || 'Request failed',
              status: response.status,
              code: 'http_error',
            }),
        { retryAfter: retryAfterSeconds(response.headers.get('retry-after')) },
      );
    },
  };
  client.use(middleware);
  return client;
}

/** A new random key for the `Idempotency-Key` header, so retries of one intent are not applied twice. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
