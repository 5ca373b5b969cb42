/** The text rules themselves (lib/request-text.ts), on schemas shaped like the API's own. */
import { nulCharacterPaths, trimDeclaredText } from '@society-hub/api/testing';
import { describe, expect, it } from 'vitest';

const named: Record<string, unknown> = {
  Title: { type: 'string', minLength: 1 },
  Login: {
    type: 'object',
    properties: { username: { type: 'string' }, password: { type: 'string', format: 'password' } },
  },
};
const lookup = (id: string) => named[id];

function trim(schema: unknown, value: unknown) {
  const blanks: string[] = [];
  const result = trimDeclaredText(schema, value, lookup, (path) => blanks.push(path));
  return { result, blanks };
}

describe('trimDeclaredText', () => {
  it('trims fields, array items, nullable and referenced strings, and names the blank ones', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { $ref: 'Title' },
        disciplines: { type: 'array', items: { type: 'string', minLength: 1 } },
        employer: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        phone: { type: ['string', 'null'] },
        nested: { type: 'object', additionalProperties: { type: 'string' } },
      },
    };
    const body = {
      name: ' 钱学军\t',
      disciplines: ['化学', ' ', '\u3000物理\u3000'],
      employer: '  ',
      phone: null,
      nested: { 'a/b': ' x ' },
    };
    const { result, blanks } = trim(schema, body);
    expect(result).toBe(body);
    expect(body).toEqual({
      name: '钱学军',
      disciplines: ['化学', '', '物理'],
      employer: '',
      phone: null,
      nested: { 'a/b': 'x' },
    });
    expect(blanks.sort()).toEqual(['/disciplines/1', '/employer']);
  });

  it('keeps a password, what the schema does not declare as a string, and the empty string as sent', () => {
    const login = { username: ' admin ', password: '  pass  ' };
    trim({ $ref: 'Login' }, login);
    expect(login).toEqual({ username: 'admin', password: '  pass  ' });
    const free = { settings: { note: ' x ' }, count: ' 1 ' };
    trim({ type: 'object', properties: { settings: {}, count: { type: 'integer' } } }, free);
    expect(free).toEqual({ settings: { note: ' x ' }, count: ' 1 ' });
    expect(trim({ type: 'string', minLength: 1 }, '').blanks).toEqual([]);
  });

  it('trims a list query parameter given once, and leaves __proto__ alone', () => {
    const query = { discipline: ' 化学 ' };
    trim({ type: 'object', properties: { discipline: { type: 'array', items: { type: 'string' } } } }, query);
    expect(query).toEqual({ discipline: '化学' });
    const hostile = JSON.parse('{"__proto__": " x "}');
    trim({ type: 'object', additionalProperties: { type: 'string' } }, hostile);
    expect(Object.getPrototypeOf(hostile)).toBe(Object.prototype);
  });
});

describe('nulCharacterPaths', () => {
  it('finds NUL in values and keys at any depth, whatever the schema', () => {
    const found = nulCharacterPaths({ a: ['ok', 'x\u0000'], 'k\u0000': 1, 'b/c': { d: '\u0000' } });
    expect(found.sort()).toEqual(['/a/1', '/b~1c/d', '/k\u0000']);
    expect(nulCharacterPaths('\u0000')).toEqual(['']);
    expect(nulCharacterPaths({ a: 'clean', b: [1, null, true] })).toEqual([]);
  });

  it('walks a body nested deeper than the stack would allow', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(nulCharacterPaths(deep)).toHaveLength(1);
  });
});
