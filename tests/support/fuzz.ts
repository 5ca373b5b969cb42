/**
 * Requests for every operation of an OpenAPI 3.1 document, built by fast-check: values that fit the
 * declared schemas (so requests get past validation and reach the business rules), and hostile ones —
 * wrong types, huge and deeply nested payloads, unusual Unicode, SQL-like text, bad ids, cursors and
 * headers. Used by the fuzz test (a fast run in CI) and by `pnpm fuzz` (the full run).
 */
import fc from 'fast-check';

export type JsonSchema = { [key: string]: unknown };

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
  bodyType: string | null;
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  secured: boolean;
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Operation['responses'];
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, op]) => {
      if (!METHODS.includes(method)) return [];
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0] ?? null;
      return [
        {
          operationId: op.operationId ?? `${method} ${path}`,
          method: method.toUpperCase(),
          path,
          parameters: op.parameters ?? [],
          body: bodyType ? (content[bodyType]?.schema ?? {}) : null,
          bodyType,
          responses: op.responses ?? {},
          secured: (op.security?.length ?? 0) > 0,
        },
      ];
    }),
  );
}

/** Text that has broken other systems: SQL, control and bidi characters, astral planes, lone surrogates. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE societies; --",
  '1; SELECT pg_sleep(5)',
  '\u0000',
  '\u0000abc\u0000',
  '%00',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil\u202C',
  '𠜎𠜱𠝹𠱓',
  '👩‍👩‍👧‍👦',
  'Z̸̡̢͔̤̓a̷̛̰̋l̶̨̈g̴͇̎o̵̰͝',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the Log4Shell probe is meant literally
  '${jndi:ldap://x}',
  '{{7*7}}',
  'NaN',
  '-1',
  '1e309',
  '99999999999999999999999999',
  ' ',
  '',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'x'.repeat(10_000),
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Any JSON, including deep nesting and objects with prototype-polluting keys. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant({ __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }),
  fc.integer({ min: 50, max: 400 }).map((depth) => {
    let value: unknown = 'deep';
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  }),
  fc.constant({ rows: Array.from({ length: 1500 }, () => ({})) }),
  fc.constant('x'.repeat(200_000)),
);

export class SchemaArbitraries {
  /** Arbitraries are rebuilt for every request drawn; building one from a regex is the costly part. */
  private readonly byPattern = new Map<string, fc.Arbitrary<string> | null>();

  constructor(private readonly components: Record<string, JsonSchema>) {}

  /** Strings matching `pattern`, or null when fast-check cannot generate from it. */
  private matching(pattern: string): fc.Arbitrary<string> | null {
    if (!this.byPattern.has(pattern)) {
      let arbitrary: fc.Arbitrary<string> | null;
      try {
        arbitrary = fc.stringMatching(new RegExp(pattern)).filter((v) => v.length <= 200);
      } catch {
        arbitrary = null;
      }
      this.byPattern.set(pattern, arbitrary);
    }
    return this.byPattern.get(pattern) ?? null;
  }

  private resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    if (typeof ref === 'string') {
      const name = ref.split('/').pop() ?? '';
      return this.components[name] ?? {};
    }
    return schema;
  }

  /** A value that satisfies `schema` (as far as this simple generator understands it). */
  valid(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (depth > 6) return fc.constant(null);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    if ('const' in s) return fc.constant(s.const);
    const union = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
    if (Array.isArray(union) && union.length) return fc.oneof(...union.map((u) => this.valid(u, depth + 1)));
    const type = Array.isArray(s.type) ? (s.type[0] as string) : (s.type as string | undefined);
    switch (type) {
      case 'string':
        return this.string(s);
      case 'integer': {
        const min = typeof s.minimum === 'number' ? s.minimum : -1000;
        const max = typeof s.maximum === 'number' ? s.maximum : Math.max(min, 0) + 100_000;
        return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      }
      case 'number':
        return fc.double({
          min: typeof s.minimum === 'number' ? s.minimum : -1000,
          max: typeof s.maximum === 'number' ? s.maximum : 1000,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const items = (s.items as JsonSchema | undefined) ?? {};
        const maxLength = typeof s.maxItems === 'number' ? Math.min(s.maxItems, 4) : 4;
        const minLength = typeof s.minItems === 'number' ? Math.min(s.minItems, maxLength) : 0;
        return fc.array(this.valid(items, depth + 1), { minLength, maxLength });
      }
      case 'object':
      case undefined: {
        const properties = (s.properties as Record<string, JsonSchema> | undefined) ?? {};
        const required = new Set((s.required as string[] | undefined) ?? []);
        const entries = Object.entries(properties);
        if (entries.length === 0) return type === 'object' ? fc.constant({}) : fc.jsonValue({ maxDepth: 2 });
        return fc.record(Object.fromEntries(entries.map(([k, v]) => [k, this.valid(v, depth + 1)])), {
          requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)),
        });
      }
      default:
        return fc.constant(null);
    }
  }

  private string(s: JsonSchema): fc.Arbitrary<string> {
    const min = typeof s.minLength === 'number' ? s.minLength : 0;
    const max = typeof s.maxLength === 'number' ? Math.min(s.maxLength, 60) : 30;
    switch (s.format) {
      case 'uuid':
        return fc.uuid({ version: 7 });
      case 'date':
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      case 'date-time':
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString());
      case 'email':
        return fc.emailAddress();
      case 'uri':
        return fc.webUrl();
    }
    if (typeof s.pattern === 'string') {
      const matching = this.matching(s.pattern);
      if (matching) return matching;
      return fc.string({ minLength: min, maxLength: Math.max(min, max) });
    }
    return fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, max) });
  }

  /** A value that fits the schema except somewhere: a wrong type, a hostile string, a missing or extra field. */
  mutated(schema: JsonSchema): fc.Arbitrary<unknown> {
    return fc.tuple(this.valid(schema), fc.nat(), hostileJson, hostileString).map(([value, pick, json, text]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return pick % 2 ? json : text;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys[pick % Math.max(keys.length, 1)];
      switch (pick % 4) {
        case 0:
          if (key) copy[key] = text;
          break;
        case 1:
          if (key) copy[key] = json;
          break;
        case 2:
          if (key) delete copy[key];
          break;
        default:
          copy[text.slice(0, 50) || 'extra'] = json;
      }
      return copy;
    });
  }

  body(schema: JsonSchema): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 4, arbitrary: this.valid(schema) },
      { weight: 4, arbitrary: this.mutated(schema) },
      { weight: 2, arbitrary: hostileJson },
    );
  }

  /** A query or path value that fits: a known id where an id is asked for. */
  clean(schema: JsonSchema | undefined, ids: readonly string[]): fc.Arbitrary<string> {
    if (schema && this.resolve(schema).format === 'uuid' && ids.length) return fc.constantFrom(...ids);
    return this.valid(schema ?? { type: 'string' }).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  }

  /** A query or path value: fitting, or hostile, as text on the wire. */
  parameter(schema: JsonSchema | undefined, ids: readonly string[]): fc.Arbitrary<string> {
    const fitting = this.valid(schema ?? { type: 'string' }).map((v) =>
      typeof v === 'string' ? v : JSON.stringify(v),
    );
    const known = ids.length ? fc.constantFrom(...ids) : fc.uuid({ version: 7 });
    return fc.oneof(
      { weight: 3, arbitrary: schema && this.resolve(schema).format === 'uuid' ? known : fitting },
      { weight: 2, arbitrary: fitting },
      { weight: 2, arbitrary: hostileString },
      { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
      { weight: 1, arbitrary: fc.base64String({ maxLength: 600 }) },
    );
  }
}

/**
 * A few fixed keys: requests drawing one reuse it (another operation or body is 422, the same one a
 * replay), so the reuse answers are exercised on every POST instead of never.
 */
export const REUSED_IDEMPOTENCY_KEYS = ['fuzz-reused-key-1', 'fuzz-reused-key-2'];

/** Clean requests' keys: mostly fresh, sometimes one already used. */
export const idempotencyKey = fc.oneof(
  { weight: 5, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom(...REUSED_IDEMPOTENCY_KEYS) },
);

export const HOSTILE_HEADERS = fc.record(
  {
    // '' is a missing precondition (428) rather than an unparsable one (412).
    'if-match': fc.oneof(
      fc.constantFrom('"1"', '"2"', '*', 'W/"1"', '"abc"', '""', '', '"99999999999999999999"'),
      hostileString,
    ),
    'idempotency-key': fc.oneof(
      idempotencyKey,
      hostileString.filter((s) => s.length > 0 && s.length < 300),
    ),
    'accept-language': fc.constantFrom('zh-CN', 'en', '*', 'xx-YY;q=abc'),
    'x-request-id': fc.oneof(
      fc.uuid(),
      hostileString.filter((s) => s.length < 300),
    ),
  },
  { requiredKeys: [] },
);

/** Header values Node's HTTP stack would refuse to send at all (control characters, non-Latin-1). */
export function sendableHeader(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 255 || (code < 32 && code !== 9) || code === 127) return false;
  }
  return true;
}

/** `text` with lone surrogates replaced (what String.prototype.toWellFormed does, before ES2024 typings): a URL cannot carry them. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The NUL character, which PostgreSQL refuses in text and jsonb: every request carrying one must be a 400. */
export const NUL = '\u0000';

/**
 * `value` with a NUL put into its first string (depth first), or — holding none — a new entry in
 * its outermost object or array, or the value replaced; and the JSON Pointer to where it went.
 */
export function withNul(value: unknown): { value: unknown; path: string } {
  const copy: unknown = structuredClone(value);
  const found = firstString(copy, '');
  if (found) {
    found.set(`${found.text}${NUL}`);
    return { value: copy, path: found.path };
  }
  if (Array.isArray(copy)) return { value: [...copy, NUL], path: `/${copy.length}` };
  if (typeof copy === 'object' && copy !== null) return { value: { ...copy, [`x${NUL}`]: 1 }, path: `/x${NUL}` };
  return { value: NUL, path: '' };
}

interface StringSlot {
  text: string;
  path: string;
  set(text: string): void;
}

function firstString(value: unknown, path: string): StringSlot | null {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      if (typeof item === 'string') return { text: item, path: `${path}/${i}`, set: (t) => value.splice(i, 1, t) };
      const inner = firstString(item, `${path}/${i}`);
      if (inner) return inner;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (typeof item === 'string') {
        return {
          text: item,
          path: itemPath,
          set: (t) => {
            Reflect.set(value, key, t);
          },
        };
      }
      const inner = firstString(item, itemPath);
      if (inner) return inner;
    }
  }
  return null;
}
