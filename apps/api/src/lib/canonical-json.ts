/**
 * JSON with object keys sorted at every level, so equal values always hash alike (jsonb reorders keys).
 *
 * The audit chain hashes every audit row with it, and a bulk import writes a thousand rows a batch, so
 * the string is built in one pass rather than by copying every object into a sorted one first. The
 * output is byte-for-byte what `JSON.stringify` gives of a copy whose keys were inserted in sorted
 * order — including JavaScript's rule that integer-like keys ("0", "12") come first, in numeric
 * order — because rows already in the chain were hashed that way (tests/api/canonical-json.test.ts
 * holds the two side by side).
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

/**
 * A value's canonical JSON, made once and then spliced into a larger canonical JSON as it is: the
 * audit log stores a change's before and after as this text and hashes the row around it, so the
 * (largest) part of every row is serialised once instead of three times.
 */
export class CanonicalText {
  constructor(readonly text: string) {}

  static of(value: unknown): CanonicalText {
    return new CanonicalText(canonicalJson(value));
  }
}

/** `undefined` where `JSON.stringify` would leave the value out (undefined, functions, symbols). */
function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
  }
  if (value === null) return 'null';
  if (value instanceof CanonicalText) return value.text;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += write(value[i]) ?? 'null';
    }
    return `${out}]`;
  }
  let out = '{';
  let first = true;
  for (const key of sortedKeys(value as Record<string, unknown>)) {
    const text = write((value as Record<string, unknown>)[key]);
    if (text === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/** Array-index keys as JavaScript orders them (numerically, first), then the rest by code unit. */
function sortedKeys(object: Record<string, unknown>): string[] {
  const keys = Object.keys(object).sort();
  const indexes = keys.filter(isArrayIndex);
  if (indexes.length === 0) return keys;
  return [...indexes.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isArrayIndex(k))];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}
