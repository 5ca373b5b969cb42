/**
 * Hostile input against every operation in the API's own OpenAPI document: fitting and unfitting
 * bodies, parameters and headers, as staff, as a society officer, without or with a forged token. The
 * contract: never a 5xx; every 4xx is problem+json (the token endpoint's: RFC 6749 OAuth JSON); every response matches the schema declared for its
 * status. CI runs FUZZ_REQUESTS (default 2,000); `pnpm fuzz` runs 20,000 or more.
 */

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';
import {
  HOSTILE_HEADERS,
  idempotencyKey,
  NUL,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  SchemaArbitraries,
  sendableHeader,
  wellFormed,
  withNul,
} from '../support/fuzz';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2000);
/** CI runs one fixed seed, so its run is repeatable; `pnpm fuzz` draws a new one each time (FUZZ_SEED=random). */
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261202);

let t: TestApp;
let document: OpenApiDocument;
let operations: Operation[];
let ajv: Ajv2020;
const tokens: Record<string, string> = {};
/** Ids the API has answered with: path parameters are drawn from them, so requests reach real rows. */
const ids = new Set<string>();

function collectIds(value: unknown, depth = 0): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 20)) collectIds(v, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if ((key === 'id' || key.endsWith('Id')) && typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v) && ids.size < 400)
      ids.add(v);
    else collectIds(v, depth + 1);
  }
}

/** A JSON Pointer into the document, as Ajv resolves `api#/…`. */
function pointer(...segments: string[]): string {
  return `api#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;
}

beforeAll(async () => {
  t = await startTestApp('postgres', { RATE_LIMIT_PER_MINUTE: '100000000', OBJECTIONS_PER_HOUR: '100000000' });
  document = t.app.swagger() as unknown as OpenApiDocument;
  operations = operationsOf(document);
  ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(document as object, 'api');

  const admin = await t.login(ADMIN.username, ADMIN.password);
  tokens.admin = admin;
  const society = await t.createSociety(admin, { creditCode: nextCreditCode() });
  await t.createSociety(admin, { creditCode: nextCreditCode() });
  await t.request({
    method: 'POST',
    url: `/v1/societies/${society}/transitions`,
    token: admin,
    payload: { to: 'active', reason: 'fuzz' },
  });
  for (const url of [
    '/v1/societies',
    '/v1/funding-programs',
    '/v1/experts',
    '/v1/users',
    `/v1/societies/${society}/members`,
  ]) {
    collectIds((await t.request({ method: 'GET', url, token: admin })).json());
  }
  ids.add(society);
  tokens.officer = await t.userToken('society_officer', [society]);
  tokens.reviewer = await t.userToken('reviewer');
  tokens.auditor = await t.userToken('auditor');
}, 120_000);
afterAll(async () => t?.close());

interface Built {
  operation: Operation;
  url: string;
  headers: Record<string, string>;
  payload: string | undefined;
  caller: string;
}

function requestArbitrary(): fc.Arbitrary<Built> {
  const arbitraries = new SchemaArbitraries(document.components?.schemas ?? {});
  return fc.constantFrom(...operations).chain((operation) => {
    const pathParams = operation.parameters.filter((p) => p.in === 'path');
    const queryParams = operation.parameters.filter((p) => p.in === 'query');
    // Half the requests are well-formed (known ids, fitting values, sane headers, a real caller), so
    // they get past validation and exercise the business rules; the other half are hostile throughout.
    const cleanParts = {
      path: fc.tuple(...pathParams.map((p) => arbitraries.clean(p.schema, [...ids]))),
      query: fc.tuple(...queryParams.map((p) => fc.option(arbitraries.clean(p.schema, [...ids]), { nil: undefined }))),
      extraQuery: fc.constant(undefined),
      body: operation.body ? arbitraries.valid(operation.body) : fc.constant(undefined),
      rawBody: fc.constant(null),
      headers: fc.record(
        { 'if-match': fc.constantFrom('"1"', '"2"', '"3"'), 'idempotency-key': idempotencyKey },
        { requiredKeys: ['idempotency-key'] },
      ),
      caller: fc.constantFrom('admin', 'admin', 'officer', 'auditor', 'reviewer'),
    };
    const clean = fc.record(cleanParts);
    // Well-formed but for a NUL, in the body, in a query parameter or else in a path parameter: by
    // design, not by chance, so no operation can let one through to the database unseen.
    const nul = fc.record({
      ...cleanParts,
      query: fc
        .tuple(cleanParts.query, fc.nat())
        .map(([values, pick]) => values.map((v, i) => (i === pick % values.length ? `${v ?? ''}${NUL}` : v))),
      path: fc
        .tuple(cleanParts.path, fc.nat())
        .map(([values, pick]) =>
          queryParams.length || operation.body
            ? values
            : values.map((v, i) => (i === pick % values.length ? `${v}${NUL}` : v)),
        ),
      body: operation.body ? arbitraries.valid(operation.body).map((b) => withNul(b).value) : fc.constant(undefined),
    });
    const hostile = fc.record({
      path: fc.tuple(...pathParams.map((p) => arbitraries.parameter(p.schema, [...ids]))),
      query: fc.tuple(
        ...queryParams.map((p) => fc.option(arbitraries.parameter(p.schema, [...ids]), { nil: undefined })),
      ),
      extraQuery: fc.option(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), { nil: undefined }),
      body: operation.body
        ? fc.option(arbitraries.body(operation.body), { nil: undefined, freq: 8 })
        : fc.constant(undefined),
      rawBody: fc.option(fc.constantFrom('{', '{"a":', '[1,2', 'null', '"text"', '\u0000', '<xml/>'), { freq: 12 }),
      headers: HOSTILE_HEADERS,
      caller: fc.constantFrom('admin', 'admin', 'admin', 'officer', 'reviewer', 'auditor', 'none', 'forged'),
    });
    return fc
      .oneof({ weight: 4, arbitrary: clean }, { weight: 4, arbitrary: hostile }, { weight: 1, arbitrary: nul })
      .map(({ path, query, extraQuery, body, rawBody, headers, caller }) => {
        let url = operation.path;
        pathParams.forEach((p, i) => {
          // An empty segment would address another operation (…/programs/ is the list), not a bad id.
          url = url.replace(`{${p.name}}`, encodeURIComponent(wellFormed(path[i] || '_')));
        });
        const search = new URLSearchParams();
        queryParams.forEach((p, i) => {
          const value = query[i];
          if (value !== undefined) search.set(p.name, wellFormed(value));
        });
        if (extraQuery) search.set(wellFormed(extraQuery[0]) || 'x', wellFormed(extraQuery[1]));
        const qs = search.toString();
        const sent: Record<string, string> = {};
        for (const [name, value] of Object.entries(headers)) if (sendableHeader(value)) sent[name] = value;
        let payload: string | undefined;
        if (operation.bodyType === 'application/json' || operation.body) {
          payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
          if (payload !== undefined) sent['content-type'] = operation.bodyType ?? 'application/json';
        }
        if (caller === 'forged') sent.authorization = 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.';
        else if (caller !== 'none') sent.authorization = `Bearer ${tokens[caller]}`;
        const full = qs ? `${url}?${qs}` : url;
        const summary = `${operation.method} ${full.slice(0, 300)} as ${caller} headers=${JSON.stringify(sent).slice(0, 300)} body=${(payload ?? '').slice(0, 300)}`;
        return { operation, url: full, headers: sent, payload, caller, [fc.toStringMethod]: () => summary };
      });
  });
}

describe(`hostile input (${REQUESTS} requests)`, () => {
  it('never answers 5xx, always answers problems as problem+json, and keeps to the declared schemas', async () => {
    const statuses = new Map<number, number>();
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(), async (request) => {
        const { operation } = request;
        const response = await t.app.inject({
          method: request.operation.method as 'GET',
          url: request.url,
          headers: request.headers,
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const where = `${operation.method} ${request.url.slice(0, 200)} as ${request.caller} → ${response.statusCode}`;
        expect(response.statusCode, `${where}: ${response.body.slice(0, 500)}`).toBeLessThan(500);
        // Every answer the operation can give is in the contract, those of the shared mechanisms too.
        const declared = operation.responses[String(response.statusCode)];
        expect(declared, `${where}: status not declared in openapi.yaml: ${response.body.slice(0, 300)}`).toBeDefined();
        if (response.statusCode < 300) reached.add(operation.operationId);
        const type = String(response.headers['content-type'] ?? '');
        if (response.statusCode >= 400 && operation.operationId === 'issueClientToken') {
          // RFC 6749 §5.2: the token endpoint answers errors as OAuth JSON, which OAuth clients read.
          expect(type, where).toMatch(/^application\/json/);
          const error = response.json();
          expect(typeof error.error, where).toBe('string');
          expect(typeof error.error_description, where).toBe('string');
        } else if (response.statusCode >= 400) {
          expect(type, where).toMatch(/^application\/problem\+json/);
          const problem = response.json();
          expect(problem, where).toMatchObject({ status: response.statusCode });
          expect(typeof problem.code, where).toBe('string');
          expect(typeof problem.title, where).toBe('string');
        }
        const mediaType = Object.keys(declared?.content ?? {}).find((m) => type.startsWith(m));
        if (mediaType && /json/.test(mediaType) && response.body.length > 0) {
          const validate = ajv.getSchema(
            pointer(
              'paths',
              operation.path,
              operation.method.toLowerCase(),
              'responses',
              String(response.statusCode),
              'content',
              mediaType,
              'schema',
            ),
          );
          const body = response.json();
          collectIds(body);
          if (validate && !validate(body)) {
            throw new Error(
              `${where}: response does not match its schema: ${ajv.errorsText(validate.errors)}\n${response.body.slice(0, 500)}`,
            );
          }
        }
      }),
      { numRuns: REQUESTS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true },
    );
    console.log(
      `fuzz: ${REQUESTS} requests over ${operations.length} operations; ${reached.size} answered 2xx at least once; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    // The run must have reached the business logic, not only bounced off validation and auth.
    expect(reached.size).toBeGreaterThanOrEqual(Math.floor(operations.length / 5));
  }, 1_800_000);

  it('refuses a NUL in every query parameter, path parameter and body of every operation, naming the field', async () => {
    /** A request the server dropped (a crash in a stream) counts as a miss, not as the end of the sweep. */
    const inject = async (options: InjectOptions): Promise<LightMyRequestResponse | undefined> => {
      try {
        return await t.app.inject(options);
      } catch {
        return undefined;
      }
    };
    const arbitraries = new SchemaArbitraries(document.components?.schemas ?? {});
    const one = <T>(arbitrary: fc.Arbitrary<T>): T => {
      const [value] = fc.sample(arbitrary, { numRuns: 1, seed: 17 });
      if (value === undefined) throw new Error('fast-check drew nothing');
      return value;
    };
    const missed: string[] = [];
    let checked = 0;
    for (const operation of operations) {
      const pathParams = operation.parameters.filter((p) => p.in === 'path');
      const queryParams = operation.parameters.filter((p) => p.in === 'query');
      const values = pathParams.map((p) => one(arbitraries.clean(p.schema, [...ids])) || '_');
      const address = (nulAt?: number) =>
        pathParams.reduce(
          (url, p, i) => url.replace(`{${p.name}}`, encodeURIComponent(`${values[i]}${i === nulAt ? NUL : ''}`)),
          operation.path,
        );
      const cases: Array<{ url: string; payload?: string; path: string }> = [
        ...pathParams.map((p, i) => ({ url: address(i), path: `/params/${p.name}` })),
        ...queryParams.map((p) => ({
          url: `${address()}?${new URLSearchParams({ [p.name]: `a${NUL}b` })}`,
          path: `/query/${p.name}`,
        })),
      ];
      // A multipart body carries a file, whose bytes may hold anything, NUL included (an upload's
      // parameters are in its query, checked above).
      if (operation.body && operation.bodyType === 'application/json') {
        const injected = withNul(one(arbitraries.valid(operation.body)));
        cases.push({ url: address(), payload: JSON.stringify(injected.value), path: `/body${injected.path}` });
      }
      for (const sent of cases) {
        checked += 1;
        let response: LightMyRequestResponse | undefined;
        // The first caller the operation lets in: a NUL is refused by validation, after access.
        for (const caller of ['admin', 'officer', 'reviewer', 'auditor']) {
          response = await inject({
            method: operation.method as 'GET',
            url: sent.url,
            headers: {
              authorization: `Bearer ${tokens[caller]}`,
              'if-match': '"1"',
              ...(sent.payload === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(sent.payload === undefined ? {} : { payload: sent.payload }),
          });
          if (response?.statusCode !== 403) break;
        }
        const errors: Array<{ path: string; code: string }> =
          response?.statusCode === 400 ? (response.json().errors ?? []) : [];
        if (!errors.some((e) => e.path === sent.path && e.code === 'nul_character')) {
          const answer = response ? `${response.statusCode}: ${response.body.slice(0, 200)}` : 'no answer';
          missed.push(`${operation.method} ${sent.url} ${sent.path} → ${answer}`);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBeGreaterThan(operations.length);
  }, 600_000);
});
