import { ApiError, createApiClient } from '@society-hub/client';

/**
 * The single API client of the console. The access token lives only in memory (never in storage);
 * the session is restored from the httpOnly refresh cookie on start.
 */
let accessToken: string | undefined;
let acceptLanguage = 'zh-CN';
let refreshSession: (() => Promise<boolean>) | undefined;
let onSessionExpired: (() => void) | undefined;
let onPasswordChangeRequired: (() => void) | undefined;

export function setAccessToken(token: string | undefined): void {
  accessToken = token;
}

export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

/** Wires the auth feature in: how to refresh the session, and what to do once it is lost for good. */
export function configureSession(handlers: {
  refresh: () => Promise<boolean>;
  expired: () => void;
  /** An administrator reset the password while signed in: the API refuses everything until a new one. */
  passwordChangeRequired: () => void;
}): void {
  refreshSession = handlers.refresh;
  onSessionExpired = handlers.expired;
  onPasswordChangeRequired = handlers.passwordChangeRequired;
}

async function noticePasswordChangeRequired(response: Response): Promise<void> {
  if (response.status !== 403) return;
  try {
    const body: unknown = await response.clone().json();
    if (typeof body === 'object' && body !== null && 'code' in body && body.code === 'password_change_required')
      onPasswordChangeRequired?.();
  } catch {
    // not a problem body
  }
}

function isAuthEndpoint(request: Request): boolean {
  return new URL(request.url).pathname.startsWith('/v1/auth/');
}

/** On a 401 from an ordinary call: refresh once and retry with the new token, else the session is over. */
async function fetchWithRefresh(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  if (isAuthEndpoint(request)) return fetch(request);
  const retry = request.clone();
  const response = await fetch(request);
  await noticePasswordChangeRequired(response);
  if (response.status !== 401 || !refreshSession) return response;
  const refreshed = await refreshSession();
  if (!refreshed) {
    onSessionExpired?.();
    return response;
  }
  if (accessToken) retry.headers.set('Authorization', `Bearer ${accessToken}`);
  const second = await fetch(retry);
  if (second.status === 401) onSessionExpired?.();
  return second;
}

export const api = createApiClient({
  baseUrl: globalThis.location?.origin ?? '',
  getAccessToken: () => accessToken,
  language: () => acceptLanguage,
  fetch: fetchWithRefresh,
});

/** openapi-fetch types `data` as optional; our middleware throws on every failure, so absence is a bug. */
export function expectData<T>(result: { data?: T; response: Response }): T {
  if (result.data === undefined) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Empty response',
      status: result.response.status,
      code: 'empty_response',
    });
  }
  return result.data;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function errorStatus(error: unknown): number | undefined {
  return isApiError(error) ? error.status : undefined;
}

export function etag(version: number | string): string {
  return `"${version}"`;
}

export { ApiError, newIdempotencyKey } from '@society-hub/client';
