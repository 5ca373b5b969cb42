import { CanonicalText, canonicalJson } from '@society-hub/api/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * The form every audit row in existing chains was hashed with: a copy with sorted keys, stringified.
 * The fast canonicalJson must give exactly these bytes, or `/v1/audit-log/verify` would report
 * every earlier row as tampered with.
 */
function reference(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v instanceof Date) return v.toISOString();
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, sortKeys(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '2', '10', '007', '-1', '4294967295', 'a', 'B', '中文'));
const leaf = fc.oneof(
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('node'), { maxKeys: 6 }),
})).node;

describe('canonical JSON', () => {
  it('gives the same bytes as the sorted copy it replaces, for any value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v) ?? 'null');
      }),
      { numRuns: 2000 },
    );
  });

  it('splices a value serialised beforehand exactly where the value would have been', () => {
    fc.assert(
      // A spliced text stands for a JSON value; `undefined` (a field left out) is never spliced.
      fc.property(
        value.filter((v) => v !== undefined),
        value,
        fc.string(),
        (inner, outer, name) => {
          const around = { outer, [name]: inner, after: inner };
          const spliced = { outer, [name]: CanonicalText.of(inner), after: CanonicalText.of(inner) };
          expect(canonicalJson(spliced)).toBe(canonicalJson(around));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('sorts keys at every level and orders integer-like keys first, numerically', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined }, 10: 'x', 2: 'y' })).toBe(
      '{"2":"y","10":"x","a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});
