/**
 * The one rule for text in requests (docs/architecture.md, "Text in requests"), applied by the
 * validation layer to every part of every request and by the bulk imports to every row:
 *
 * - No string anywhere — a value or an object key, at any depth, whatever the schema says — may
 *   contain U+0000: PostgreSQL refuses it in text and jsonb, so it would otherwise be a 500.
 * - Every string the schema declares as a string is trimmed before it is validated, so a blank
 *   value is the empty string and `minLength: 1` refuses it — for fields and array items alike —
 *   as `required` (a blank is a missing value), 422 when nothing else is wrong with the request.
 *   Strings whose whitespace is part of the value (`format: 'password'`, see `Secret` in
 *   lib/schemas.ts) are kept exactly as sent.
 */

type Schema = { readonly [key: string]: unknown };
type Container = { [key: string]: unknown };

/** Finds a named schema (`$ref: 'Expert'`) among those registered. */
export type SchemaLookup = (id: string) => unknown;

/** Deeper than any schema of ours; stops a recursive schema from walking for ever. */
const MAX_SCHEMA_DEPTH = 32;
/** Enough to name the fields; a body full of NULs is not worth listing in full. */
const MAX_NUL_FINDINGS = 20;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whitespace is part of the value: a password or a secret is never trimmed. */
export function keepsWhitespace(schema: Schema): boolean {
  return schema.format === 'password';
}

function resolved(schema: Schema, lookup: SchemaLookup): Schema | undefined {
  let current: Schema = schema;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    const target = lookup(current.$ref.replace(/#$/, ''));
    if (hops > 8 || !isSchema(target)) return undefined;
    current = target;
  }
  return current;
}

function declaresString(schema: Schema): boolean {
  const { type } = schema;
  return type === 'string' || (Array.isArray(type) && type.includes('string'));
}

/**
 * `value` with every string that `schema` declares trimmed (see above). Objects and arrays are
 * changed in place, so a request part keeps its identity; a string is returned trimmed. `onBlank`
 * hears the JSON Pointer of each string that was all whitespace (and so is now empty).
 */
export function trimDeclaredText(
  schema: unknown,
  value: unknown,
  lookup: SchemaLookup,
  onBlank: (path: string) => void = () => {},
): unknown {
  const walk = (node: unknown, data: unknown, path: string, depth: number): unknown => {
    if (depth > MAX_SCHEMA_DEPTH || !isSchema(node)) return data;
    const s = resolved(node, lookup);
    if (s === undefined || keepsWhitespace(s)) return data;
    let result = data;
    for (const combinator of ['anyOf', 'oneOf', 'allOf']) {
      const branches = s[combinator];
      if (!Array.isArray(branches)) continue;
      // Trimming is idempotent, so every branch may have its say.
      for (const branch of branches) result = walk(branch, result, path, depth + 1);
    }
    if (typeof result === 'string') {
      // A query parameter declared as a list arrives as one string when given once.
      if (s.type === 'array') return walk(s.items, result, path, depth + 1);
      if (!declaresString(s)) return result;
      const trimmed = result.trim();
      if (trimmed === '' && result !== '') onBlank(path);
      return trimmed;
    }
    if (Array.isArray(result)) {
      if (isSchema(s.items)) {
        for (let i = 0; i < result.length; i++) result[i] = walk(s.items, result[i], `${path}/${i}`, depth + 1);
      }
      return result;
    }
    if (isContainer(result)) {
      const properties = isSchema(s.properties) ? s.properties : {};
      for (const key of Object.keys(result)) {
        if (key === '__proto__') continue;
        const fieldSchema = Object.hasOwn(properties, key) ? properties[key] : s.additionalProperties;
        const before = result[key];
        const after = walk(fieldSchema, before, `${path}/${pointerSegment(key)}`, depth + 1);
        if (after !== before) result[key] = after;
      }
    }
    return result;
  };
  return walk(schema, value, '', 0);
}

function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * JSON Pointers (relative to `value`) to every string or object key that holds U+0000, at any depth
 * and whatever the schema says (a free-form JSON field reaches jsonb too). Walked without recursion:
 * a hostile body may nest far deeper than the stack.
 */
export function nulCharacterPaths(value: unknown): string[] {
  const found: string[] = [];
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length > 0 && found.length < MAX_NUL_FINDINGS) {
    const next = pending.pop();
    if (next === undefined) break;
    const [item, path] = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) found.push(path);
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push([item[i], `${path}/${i}`]);
    } else if (isContainer(item)) {
      for (const [key, child] of Object.entries(item).reverse()) {
        const childPath = `${path}/${pointerSegment(key)}`;
        if (key.includes('\u0000')) found.push(childPath);
        else pending.push([child, childPath]);
      }
    }
  }
  return found;
}

export const NUL_CHARACTER_MESSAGE = 'must not contain the NUL character (U+0000)';
export const BLANK_MESSAGE = 'This field is required; a value of blanks is no value.';
