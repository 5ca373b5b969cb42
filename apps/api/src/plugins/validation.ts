import AjvCompiler, { type ValidatorFactory } from '@fastify/ajv-compiler';
import {
  BLANK_MESSAGE,
  NUL_CHARACTER_MESSAGE,
  nulCharacterPaths,
  type SchemaLookup,
  trimDeclaredText,
} from '../lib/request-text';

interface RouteSchemaPart {
  schema: unknown;
  method: string;
  url: string;
  httpPart?: string;
  /** Set for a body declared per content type (`body: { content: { … } }`). */
  contentType?: string;
}

interface ValidationError {
  instancePath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

/** A compiled Ajv validator as Fastify calls it (`schemaEnv` tells Fastify to pass the parent). */
interface CompiledValidator {
  (data: unknown, context?: object): boolean;
  errors?: ValidationError[] | null;
  schemaEnv?: unknown;
}

type BuildFromPool = (
  externalSchemas: unknown,
  options: { customOptions: Record<string, unknown> },
) => (part: RouteSchemaPart) => CompiledValidator;

// The package's declared types describe an older call shape; this is its documented runtime API.
const fromPool = AjvCompiler() as unknown as BuildFromPool;

const shared = {
  allErrors: true,
  useDefaults: true,
  removeAdditional: false,
  strict: false,
  // OpenAPI's hint for a secret; here it also keeps the value untrimmed (lib/request-text.ts).
  formats: { password: true },
};

/**
 * The text rules of lib/request-text.ts around a compiled validator: declared strings are trimmed
 * before the schema sees them, and a NUL anywhere is reported with the schema's own errors, all at
 * once, in the same `{ path, code, message }` shape.
 */
function withTextRules(schema: unknown, validate: CompiledValidator, lookup: SchemaLookup): CompiledValidator {
  const checked: CompiledValidator = (data, context) => {
    const blanks = new Set<string>();
    const value = trimDeclaredText(schema, data, lookup, (path) => blanks.add(path));
    const nul = nulCharacterPaths(value).map(
      (instancePath): ValidationError => ({
        instancePath,
        keyword: 'nul_character',
        message: NUL_CHARACTER_MESSAGE,
        params: {},
      }),
    );
    const valid = validate(value, context);
    // A value of blanks is a missing value: `required`, as the services have always said it.
    const schemaErrors = (valid ? [] : (validate.errors ?? [])).map((error) =>
      error.keyword === 'minLength' && blanks.has(error.instancePath)
        ? { ...error, keyword: 'required', message: BLANK_MESSAGE, params: { blank: true } }
        : error,
    );
    const errors = [...nul, ...schemaErrors];
    checked.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  };
  checked.schemaEnv = validate.schemaEnv;
  return checked;
}

/**
 * A multipart body is not parsed before the handler: the handler streams its file part
 * (modules/documents/upload.ts) and checks what it reads. Its schema documents the form.
 */
const streamedBody: CompiledValidator = (data) => data === null || data === undefined;

/**
 * Two validators: bodies are taken exactly as sent (a number is never silently turned into a
 * string), while query strings, path parameters and headers, which are text on the wire, are coerced
 * to their declared types. Every error is reported at once so a form can mark every bad field.
 */
function buildPartAwareValidator(externalSchemas: unknown) {
  const strict = fromPool(externalSchemas, { customOptions: { ...shared, coerceTypes: false } });
  const coercing = fromPool(externalSchemas, { customOptions: { ...shared, coerceTypes: 'array' } });
  const lookup: SchemaLookup = (id) =>
    typeof externalSchemas === 'object' && externalSchemas !== null && Object.hasOwn(externalSchemas, id)
      ? Reflect.get(externalSchemas, id)
      : undefined;
  return (part: RouteSchemaPart) =>
    part.contentType === 'multipart/form-data'
      ? streamedBody
      : withTextRules(part.schema, (part.httpPart === 'body' ? strict : coercing)(part), lookup);
}

/** Fastify types this slot with the package's (outdated) declaration, hence the one cast. */
export const buildValidator = buildPartAwareValidator as unknown as ValidatorFactory;
