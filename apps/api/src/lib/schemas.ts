/**
 * Schemas shared by every module. Each reusable schema has an `$id`, which becomes its name under
 * `components.schemas` in openapi.yaml; routes point at them with `ref()`.
 */
import { type Static, type TSchema, type TStringOptions, Type } from 'typebox';

/** A `$ref` to a named schema that keeps the referenced schema's static type for handlers. */
export function ref<T extends TSchema>(schema: T) {
  const id: unknown = Reflect.get(schema, '$id');
  if (typeof id !== 'string') throw new Error('ref() needs a schema with an $id');
  return Type.Unsafe<Static<T>>(Type.Ref(id));
}

const SCALAR_TYPES = new Set(['string', 'integer', 'number', 'boolean']);

/**
 * `T | null`. A scalar (string, integer, number or boolean, without enum/const) becomes itself with
 * `type: [t, "null"]`; anything else `anyOf: [T, null]`. Both mean the same in JSON Schema and OpenAPI
 * 3.1, but fast-json-stringify writes an `anyOf` by running an Ajv validator on each value to pick its
 * branch, and a type list with a `typeof`: for the societies list, the `anyOf`s of the nullable fields
 * were most of what a request allocated (docs/benchmarks.md, the load section).
 */
export function Nullable<T extends TSchema>(schema: T) {
  const type: unknown = Reflect.get(schema, 'type');
  const scalar = typeof type === 'string' && SCALAR_TYPES.has(type) && !('enum' in schema) && !('const' in schema);
  return Type.Unsafe<Static<T> | null>(
    scalar ? { ...schema, type: [type, 'null'] } : Type.Union([schema, Type.Null()]),
  );
}

export const FieldErrorSchema = Type.Object(
  {
    path: Type.String({ description: 'JSON Pointer into the request, prefixed by its part: /body/…, /query/…' }),
    code: Type.String({ description: 'Stable machine code, e.g. required, format, credit_code_checksum' }),
    message: Type.String(),
  },
  { $id: 'FieldError', additionalProperties: false },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI reference identifying the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({
      description:
        'Stable machine code: validation_failed, not_found, conflict, precondition_failed, precondition_required, invalid_transition, rule_violation, rate_limited, unauthorized, forbidden, …',
    }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(ref(FieldErrorSchema))),
    allowed: Type.Optional(Type.Array(Type.String(), { description: 'For invalid_transition: the allowed targets' })),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

/**
 * A string whose whitespace is part of the value — a password, a client secret. Every other string a
 * request carries is trimmed before validation (lib/request-text.ts); this one is kept as sent.
 * `format: password` is also OpenAPI's hint to hide the value.
 */
export function Secret(options: TStringOptions = {}) {
  return Type.String({ ...options, format: 'password' });
}

export const Uuid = Type.String({ format: 'uuid', description: 'Opaque identifier' });
export const IdParams = Type.Object({ id: Uuid });
export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Timestamp = Type.String({ format: 'date-time' });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'Opaque cursor from a previous nextCursor' })),
};

/** A named `{ items, nextCursor }` list type for an item schema. */
export function pageOf<T extends TSchema>(item: T, id: string) {
  return Type.Object(
    {
      items: Type.Array(ref(item)),
      nextCursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null at the end' })),
    },
    { $id: id, additionalProperties: false },
  );
}

/**
 * The ETag a write is based on (RFC 9110 If-Match). Declared optional so that a missing one is the
 * contract's 428, not a schema error: PATCH and DELETE require it (`expectedVersion`), a transition
 * checks it when given (`transitionVersion`, lib/transitions.ts).
 */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The ETag you read' })),
});

export const TransitionRequestSchema = Type.Object(
  {
    to: Type.String({ minLength: 1, description: 'Target state' }),
    reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why; kept in the history and the audit log' }),
  },
  { $id: 'TransitionRequest', additionalProperties: false },
);

/** An error response as documented: RFC 9457 problem details under their own media type. */
export function problemResponse(status: number) {
  return {
    description: `Problem (${status})`,
    content: { 'application/problem+json': { schema: ref(ProblemSchema) } },
  };
}

/** Whether a route's header schema names `name` (a route that reads If-Match must declare it). */
export function declaresHeader(schema: { headers?: unknown } | undefined, name: string): boolean {
  const headers = schema?.headers;
  if (typeof headers !== 'object' || headers === null) return false;
  const properties: unknown = Reflect.get(headers, 'properties');
  return typeof properties === 'object' && properties !== null && Object.hasOwn(properties, name);
}

/** Error responses a route can produce beyond the common ones added to every route. */
export function problems(...statuses: number[]): Record<number, ReturnType<typeof problemResponse>> {
  return Object.fromEntries(statuses.map((s) => [s, problemResponse(s)]));
}

export const sharedSchemas: TSchema[] = [FieldErrorSchema, ProblemSchema, TransitionRequestSchema];

/** A downloadable table: CSV or XLSX, as chosen by `format`. */
export function fileResponse(description: string) {
  return {
    description,
    content: {
      'text/csv': { schema: Type.String({ description: 'UTF-8 with a byte-order mark' }) },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: Type.String({ format: 'binary' }),
      },
    },
  };
}

export const ExportQuery = {
  format: Type.Optional(Type.Enum(['csv', 'xlsx'], { default: 'xlsx' })),
};
