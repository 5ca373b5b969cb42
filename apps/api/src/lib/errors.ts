/**
 * The one error type of the API. Services throw it; the error plugin turns it into RFC 9457
 * problem+json. `code` is the stable machine code integrators match on; `detail` is for people.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'password_change_required'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'invalid_transition'
  | 'rule_violation'
  | 'precondition_failed'
  | 'precondition_required'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_progress'
  | 'idempotency_key_committed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal_error'
  | 'service_unavailable';

export interface FieldError {
  /** JSON Pointer into the request, prefixed with its part: `/body/creditCode`, `/query/limit`. */
  path: string;
  code: string;
  message: string;
}

export interface ProblemExtras {
  errors?: FieldError[];
  /** For `invalid_transition`: the states the resource may move to from where it is. */
  allowed?: string[];
  /** RFC 6749 error code, on the OAuth token endpoint only (e.g. invalid_client). */
  oauthError?: string;
}

export const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Validation failed',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  password_change_required: 'Password change required',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  invalid_transition: 'Invalid transition',
  rule_violation: 'Rule violation',
  precondition_failed: 'Precondition failed',
  precondition_required: 'Precondition required',
  idempotency_key_reused: 'Idempotency key reused',
  idempotency_key_in_progress: 'Idempotency key in progress',
  idempotency_key_committed: 'Request already carried out',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  internal_error: 'Internal server error',
  service_unavailable: 'Service unavailable',
};

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const errors = {
  badRequest: (detail: string, fieldErrors?: FieldError[]) =>
    new AppError(400, 'bad_request', detail, fieldErrors ? { errors: fieldErrors } : {}),
  validation: (fieldErrors: FieldError[], detail = 'The request has invalid fields.') =>
    new AppError(422, 'validation_failed', detail, { errors: fieldErrors }),
  unauthorized: (detail = 'A valid access token is required.') => new AppError(401, 'unauthorized', detail),
  forbidden: (detail = 'Your role does not allow this action.') => new AppError(403, 'forbidden', detail),
  notFound: (what: string) => new AppError(404, 'not_found', `${what} was not found.`),
  conflict: (detail: string, fieldErrors?: FieldError[]) =>
    new AppError(409, 'conflict', detail, fieldErrors ? { errors: fieldErrors } : {}),
  invalidTransition: (from: string, to: string, allowed: readonly string[]) =>
    new AppError(
      409,
      'invalid_transition',
      allowed.length
        ? `Cannot move from ${from} to ${to}; allowed: ${allowed.join(', ')}.`
        : `Cannot move from ${from} to ${to}; ${from} is final.`,
      { allowed: [...allowed] },
    ),
  ruleViolation: (detail: string, fieldErrors: FieldError[] = []) =>
    new AppError(422, 'rule_violation', detail, { errors: fieldErrors }),
  preconditionRequired: () =>
    new AppError(428, 'precondition_required', 'Send If-Match with the version you read (its ETag).'),
  preconditionFailed: (current: number) =>
    new AppError(
      412,
      'precondition_failed',
      `The resource was changed by someone else (now at version ${current}); reload it and try again.`,
    ),
};
