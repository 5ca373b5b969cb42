import { AppError } from '../../lib/errors';

/** The protection space every challenge names (RFC 7235 §2.2). */
export const REALM = 'society-hub';

/** A quoted-string of RFC 6750 §3: printable ASCII without `"` and `\`. */
function quoted(text: string): string {
  return `"${text.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '')}"`;
}

/**
 * RFC 6750 §3 `WWW-Authenticate` for a bearer-protected resource: the bare challenge when no token
 * came, with `error="invalid_token"` and a description when one came and is not accepted.
 */
export function bearerChallenge(invalidToken?: { description: string }): string {
  const realm = `Bearer realm=${quoted(REALM)}`;
  return invalidToken
    ? `${realm}, error="invalid_token", error_description=${quoted(invalidToken.description)}`
    : realm;
}

/** RFC 6749 §5.2 / RFC 7617: the token endpoint authenticates clients with HTTP Basic. */
export function basicChallenge(): string {
  return `Basic realm=${quoted(REALM)}, charset="UTF-8"`;
}

/** The same 401 with a sent token's challenge (a token was sent and is not accepted). */
export function invalidTokenError(error: AppError): AppError {
  if (error.status !== 401 || 'www-authenticate' in error.headers) return error;
  return new AppError(error.status, error.code, error.detail, error.extras, {
    ...error.headers,
    'www-authenticate': bearerChallenge({ description: error.detail }),
  });
}
