import AjvCompiler, { type ValidatorFactory } from '@fastify/ajv-compiler';

interface RouteSchemaPart {
  schema: unknown;
  method: string;
  url: string;
  httpPart?: string;
}
type BuildFromPool = (
  externalSchemas: unknown,
  options: { customOptions: Record<string, unknown> },
) => (part: RouteSchemaPart) => unknown;

// The package's declared types describe an older call shape; this is its documented runtime API.
const fromPool = AjvCompiler() as unknown as BuildFromPool;

const shared = { allErrors: true, useDefaults: true, removeAdditional: false, strict: false };

/**
 * Two validators: bodies are taken exactly as sent (a number is never silently turned into a
 * string), while query strings, path parameters and headers, which are text on the wire, are coerced
 * to their declared types. Every error is reported at once so a form can mark every bad field.
 */
function buildPartAwareValidator(externalSchemas: unknown) {
  const strict = fromPool(externalSchemas, { customOptions: { ...shared, coerceTypes: false } });
  const coercing = fromPool(externalSchemas, { customOptions: { ...shared, coerceTypes: 'array' } });
  return (part: RouteSchemaPart) => (part.httpPart === 'body' ? strict : coercing)(part);
}

/** Fastify types this slot with the package's (outdated) declaration, hence the one cast. */
export const buildValidator = buildPartAwareValidator as unknown as ValidatorFactory;
