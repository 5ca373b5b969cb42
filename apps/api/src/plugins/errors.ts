import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type ErrorCode, type FieldError, TITLES } from '../lib/errors';
import { declaresHeader, problemResponse } from '../lib/schemas';
import { bearerChallenge } from '../modules/auth/challenges';
import { isApiPath } from './auth';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  428: 'precondition_required',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Node and PostgreSQL signs that the database is unreachable: answer 503 and let the client retry. */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

interface AjvLikeError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function part(context: string | undefined): string {
  return context === 'querystring' ? 'query' : (context ?? 'body');
}

/** Turns schema-validation errors into `{ path, code, message }` naming each field. */
export function fieldErrorsFromValidation(validation: AjvLikeError[], context: string | undefined): FieldError[] {
  const all = validation.map((v) => {
    let path = `/${part(context)}${v.instancePath ?? ''}`;
    const params = v.params ?? {};
    if (v.keyword === 'required' && typeof params.missingProperty === 'string') {
      path += `/${params.missingProperty}`;
    } else if (v.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      path += `/${params.additionalProperty}`;
    }
    const message =
      v.keyword === 'additionalProperties'
        ? 'This field is not recognised.'
        : v.keyword === 'required' && params.blank !== true
          ? 'This field is required.'
          : (v.message ?? 'Invalid value.');
    return { path, code: v.keyword ?? 'invalid', message };
  });
  // A nullable field that is wrong reports its real problem plus "must be null" and "anyOf"; keep the real one.
  const noise = (e: FieldError) =>
    e.code === 'anyOf' || e.code === 'oneOf' || (e.code === 'type' && e.message === 'must be null');
  // A conditional schema that fails reports its `then` errors plus "must match then schema"; keep those.
  const conditional = (e: FieldError) => e.code === 'if';
  return all.filter(
    (e) =>
      (!noise(e) || !all.some((other) => other.path === e.path && !noise(other))) &&
      (!conditional(e) || !all.some((other) => !conditional(other))),
  );
}

function connectionCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code && UNAVAILABLE.has(code)) return code;
  const message = error instanceof Error ? error.message : '';
  // node-postgres words these without a code: a connection lost mid-query, a pool that cannot
  // connect in time, and a query on a client whose connection has already failed.
  if (
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|is not queryable/i.test(message)
  ) {
    return 'connection';
  }
  if ('errors' in error && Array.isArray(error.errors)) return error.errors.map(connectionCode).find(Boolean);
  return undefined;
}

export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError>;
  if (Array.isArray(fastifyError.validation)) {
    const errors = fieldErrorsFromValidation(fastifyError.validation, fastifyError.validationContext);
    // A request whose only fault is text made of blanks fits the schema's shape: refused as the
    // rules refuse a missing value (422), not as a malformed request (lib/request-text.ts).
    if (fastifyError.validation.every((v: AjvLikeError) => v.params?.blank === true)) {
      return new AppError(422, 'validation_failed', 'A required field is blank.', { errors });
    }
    return new AppError(400, 'validation_failed', 'The request does not match the schema.', { errors });
  }
  if (connectionCode(error)) {
    return new AppError(
      503,
      'service_unavailable',
      'The database is unavailable; retry shortly.',
      {},
      { 'retry-after': '5' },
    );
  }
  const pgCode = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (pgCode === '23505') return new AppError(409, 'conflict', 'A resource with the same unique value already exists.');
  if (pgCode === '40001' || pgCode === '40P01') {
    return new AppError(
      503,
      'service_unavailable',
      'A concurrent change got in the way; retry.',
      {},
      { 'retry-after': '1' },
    );
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'bad_request';
    const detail =
      fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'The request body is not valid JSON.'
        : status === 413
          ? 'The request body is too large.'
          : status === 415
            ? 'Send JSON with Content-Type: application/json.'
            : TITLES[code];
    return new AppError(status, code, detail);
  }
  return new AppError(500, 'internal_error', 'Something went wrong on our side; the request id identifies it.');
}

/**
 * Errors the router raises before any route or hook runs (a path segment longer than the router
 * takes, a malformed percent-escape): answered as problem+json like every other error, and as 400 —
 * a status every operation declares — rather than Fastify's own JSON 414.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'A path segment is longer than any identifier.'
      : error.code === 'FST_ERR_BAD_URL'
        ? 'The address is not a valid URL.'
        : undefined;
  sendProblem(request, reply, detail ? new AppError(400, 'bad_request', detail) : toAppError(error));
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  for (const [name, value] of Object.entries(appError.headers)) reply.header(name, value);
  // Every 401 says how to authenticate (RFC 9110 §15.5.2, RFC 6750 §3); a refused token says so itself.
  if (appError.status === 401 && !reply.hasHeader('www-authenticate'))
    reply.header('www-authenticate', bearerChallenge());
  return reply
    .code(appError.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `https://society-hub.example/problems/${appError.code.replaceAll('_', '-')}`,
      title: TITLES[appError.code],
      status: appError.status,
      code: appError.code,
      detail: appError.detail,
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...(appError.extras.errors ? { errors: appError.extras.errors } : {}),
      ...(appError.extras.allowed ? { allowed: appError.extras.allowed } : {}),
    });
}

const COMMON_ERROR_STATUSES = [400, 429, 500, 503];
const AUTHENTICATED_ERROR_STATUSES = [401, 403];
/** `expectedVersion` (lib/etag.ts): a stale or unparsable If-Match is 412, a missing or empty one 428. */
const IF_MATCH_ERROR_STATUSES = [412, 428];
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Declares problem responses on a route (keeping any the route declares itself). Each shared
 * mechanism declares the statuses it can answer on the routes it applies to, from an onRoute hook,
 * so the contract cannot miss them: errors and validation here, idempotency in its own plugin.
 */
export function declareProblems(route: RouteOptions, statuses: readonly number[]): void {
  if (!route.schema) return;
  const response = (route.schema.response ?? {}) as Record<string | number, unknown>;
  for (const status of statuses) response[status] ??= problemResponse(status);
  route.schema.response = response;
}

export interface ErrorsPluginOptions {
  /** Answers a request no route matched before it becomes a 404 (the console's deep links). */
  notFoundFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;
}

export const errorsPlugin = fp(
  async (app: FastifyInstance, options: ErrorsPluginOptions) => {
    // Every API route documents the errors every route can produce, besides its own.
    app.addHook('onRoute', (route) => {
      if (!isApiPath(route.url) || !route.schema) return;
      const statuses = [...COMMON_ERROR_STATUSES];
      if (route.config?.access !== 'public') statuses.push(...AUTHENTICATED_ERROR_STATUSES);
      if (route.schema.body) statuses.push(413, 415);
      // plugins/validation.ts: a request whose only fault is blank text is 422.
      if (route.schema.body || route.schema.querystring || route.schema.params || route.schema.headers) {
        statuses.push(422);
      }
      if (declaresHeader(route.schema, 'if-match')) statuses.push(...IF_MATCH_ERROR_STATUSES);
      // toAppError answers a unique violation with 409, whichever write meets it.
      if ([route.method].flat().some((m) => WRITE_METHODS.has(m))) statuses.push(409);
      declareProblems(route, statuses);
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = toAppError(error);
      if (appError.status >= 500) {
        request.log.error({ err: error }, 'request failed');
      } else if (!(error instanceof AppError)) {
        request.log.info({ code: appError.code, err: error.message }, 'request rejected');
      }
      return sendProblem(request, reply, appError);
    });

    app.setNotFoundHandler(
      (request, reply) =>
        options.notFoundFallback?.(request, reply) ??
        sendProblem(
          request,
          reply,
          new AppError(404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`),
        ),
    );
  },
  { name: 'errors' },
);
