/**
 * Society scope over the whole route table (OWASP API1, broken object-level authorisation).
 *
 * Two callers bound to society A — A's secretariat officer and a machine client bound to A holding
 * every scope — drive every operation of the API's own OpenAPI document at society B: the path filled
 * with B's objects, every `societyId` query parameter set to B, and every body field that names a
 * society set to B (once on B's objects, once on A's, so the body check is reached even where the path
 * would already be refused). The test fails on
 *   - a 2xx whose body carries B's data (B's ids, or the marker every one of B's texts contains),
 *   - any change to B's data that was accepted, whatever the answer said (read back from the audit log,
 *     which records every change — the administrator's view),
 *   - a body naming B that was accepted, or refused for another reason than the society (so the
 *     sample never silently stops short of the scope check).
 * Operations are read from the route table, so a route added later is driven without touching this
 * file; a body this file cannot build for it fails the test and says so.
 */

import { API_SCOPES } from '@society-hub/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportContent } from '../support/annual-report';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';
import { multipart, pdfBytes } from '../support/files';
import {
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  SchemaArbitraries,
} from '../support/fuzz';

/** Every text of society B contains it: a 2xx body holding it carries B's data. */
const MARKER = '乙方标记';
const ALL_SCOPES = API_SCOPES;

let t: TestApp;
let admin = '';
let operations: Operation[] = [];
let document: OpenApiDocument;

/** The objects of one society, by the collection their ids stand in. */
interface Objects {
  society: string;
  councilMember: string;
  member: string;
  activity: string;
  expert: string;
  alliance: string;
  application: string;
  pilot: string;
  milestone: string;
  assignment: string;
  webhook: string;
  delivery: string;
  user: string;
  client: string;
  document: string;
}
const own = {} as Objects;
const foreign = {} as Objects;
let program = '';
let objection = '';
const callers: { label: string; token: string }[] = [];
/** Each society's own officer, who submits its application. */
const officerOf = new Map<string, string>();

async function send(method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown, token = admin) {
  const response = await t.request({ method, url, token, payload: payload as Record<string, unknown> });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A society with one of everything that belongs to a society; `mark` goes into every text of it. */
async function populate(objects: Objects, mark: string) {
  objects.society = await t.createSociety(admin, { name: `市${mark}学会`, creditCode: nextCreditCode() });
  const s = objects.society;
  await send('POST', `/v1/societies/${s}/transitions`, { to: 'active', reason: `${mark}成立` });
  await send('POST', `/v1/societies/${s}/terms`, {
    sequence: 1,
    startOn: '2024-01-01',
    endOn: '2028-12-31',
    representatives: 120,
  });
  objects.councilMember = (
    await send('POST', `/v1/societies/${s}/council-members`, { personName: `${mark}理事`, position: 'director' })
  ).id;
  objects.member = (await send('POST', `/v1/societies/${s}/members`, { kind: 'individual', name: `${mark}会员` })).id;
  objects.activity = (
    await send('POST', `/v1/societies/${s}/activities`, {
      kind: 'popularisation',
      title: `${mark}科普`,
      startOn: '2025-05-01',
      participants: 10,
      published: true,
    })
  ).id;
  await send('POST', `/v1/societies/${s}/annual-reports`, { year: 2024, content: annualReportContent(), submit: true });
  await send('PUT', `/v1/societies/${s}/inspections/2024`, { result: 'pass' });
  objects.expert = (
    await send('POST', '/v1/experts', {
      name: `${mark}专家`,
      titleLevel: 'senior',
      disciplines: ['数学'],
      pools: ['science_technology'],
      societyIds: [s],
    })
  ).id;
  objects.alliance = (await send('POST', '/v1/alliances', { name: `${mark}联合体`, leadSocietyId: s })).id;
  const pilot = await send('POST', '/v1/pilots', {
    societyId: s,
    functionCode: 'decision_consulting',
    department: '市发展和改革委员会',
    title: `${mark}试点`,
    mode: 'part',
    startsOn: '2027-01-01',
    endsOn: '2027-12-31',
    contractValueFen: 100,
  });
  objects.pilot = pilot.id;
  objects.milestone = (
    await send('POST', `/v1/pilots/${pilot.id}/milestones`, { name: `${mark}节点`, dueOn: '2027-06-30' })
  ).id;
  objects.user = (
    await send('POST', '/v1/users', {
      username: `officer.${mark === MARKER ? 'b' : 'a'}`,
      displayName: `${mark}秘书长`,
      password: 'scope-password-1',
      role: 'society_officer',
      societyIds: [s],
    })
  ).id;
  officerOf.set(s, await t.login(`officer.${mark === MARKER ? 'b' : 'a'}`, 'scope-password-1'));
  const file = multipart(`${mark}材料.pdf`, pdfBytes(mark));
  const uploaded = await t.request({
    method: 'POST',
    url: `/v1/societies/${s}/documents?purpose=other`,
    token: admin,
    headers: file.headers,
    payload: file.payload,
  });
  if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.statusCode} ${uploaded.body}`);
  objects.document = uploaded.json().id;
  const client = await send('POST', '/v1/clients', {
    name: `${mark}系统`,
    scopes: ['events:read', 'societies:read'],
    societyIds: [s],
  });
  objects.client = client.id;
  objects.webhook = (
    await send('POST', '/v1/webhooks', {
      clientId: client.id,
      url: `https://hooks.example.org/${encodeURIComponent(mark)}`,
      eventTypes: ['*'],
    })
  ).id;
  objects.delivery =
    (
      await sql<{ id: string }>`
      INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, status, next_attempt_at, created_at)
      SELECT gen_random_uuid(), ${objects.webhook}, id, type, 'failed', now(), now() FROM outbox_events
      WHERE society_id = ${s} LIMIT 1
      RETURNING id`.execute(t.database.db)
    ).rows[0]?.id ?? '';
}

/** A program under review with an application of each society, reviewers assigned, and an objection. */
async function fund() {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const [mark, name] of [
    ['甲', '甲方评审'],
    ['乙', '乙方评审'],
    ['丙', '丙方评审'],
    ['丁', '丁方评审'],
  ]) {
    await send('POST', '/v1/experts', {
      name: `${name}专家`,
      titleLevel: 'senior',
      disciplines: ['数学', mark],
      pools: ['science_technology'],
    });
  }
  program = (
    await send('POST', '/v1/funding-programs', {
      name: '学会能力提升项目',
      year: Number(today.slice(0, 4)),
      opensOn: today,
      closesOn: today,
      totalBudgetFen: 300_000_000,
      reviewersPerApplication: 3,
    })
  ).id;
  await send('POST', `/v1/funding-programs/${program}/transitions`, { to: 'open', reason: '开放申报' });
  for (const [objects, mark] of [
    [own, '甲方'],
    [foreign, MARKER],
  ] as const) {
    const officer = officerOf.get(objects.society) ?? '';
    const application = await send(
      'POST',
      `/v1/funding-programs/${program}/applications`,
      {
        societyId: objects.society,
        categoryCode: 'journal',
        title: `${mark}申请`,
        requestedFen: 100_000,
        selfFundedFen: 0,
        budgetLines: [{ item: `${mark}印刷`, amountFen: 100_000 }],
      },
      officer,
    );
    await send('POST', `/v1/applications/${application.id}/transitions`, { to: 'submitted', reason: '提交' }, officer);
    objects.application = application.id;
  }
  for (const to of ['closed', 'reviewing']) {
    await send('POST', `/v1/funding-programs/${program}/transitions`, { to, reason: '进入评审' });
  }
  const board = (
    await t.request({ method: 'GET', url: `/v1/funding-programs/${program}/assignments`, token: admin })
  ).json();
  for (const row of board.items as { applicationId: string; assignments: { id: string }[] }[]) {
    const objects = row.applicationId === own.application ? own : foreign;
    objects.assignment = row.assignments[0]?.id ?? '';
  }
  objection =
    (
      await sql<{ id: string }>`
      INSERT INTO notice_objections (id, program_id, signer_kind, signer_name, contact, content, status, created_at)
      VALUES (gen_random_uuid(), ${program}, 'person', '公众', '13800138000', '对公示内容的异议说明', 'open', now())
      RETURNING id`.execute(t.database.db)
    ).rows[0]?.id ?? '';
}

/** The path with `objects` in it; shared objects (programs, pilot functions) stay the same for both. */
function pathFor(op: Operation, objects: Objects): string {
  const prefixes: [string, string][] = [
    ['/v1/societies/{id}', objects.society],
    ['/v1/members/{id}', objects.member],
    ['/v1/activities/{id}', objects.activity],
    ['/v1/experts/{id}', objects.expert],
    ['/v1/alliances/{id}', objects.alliance],
    ['/v1/applications/{id}', objects.application],
    ['/v1/pilots/{id}', objects.pilot],
    ['/v1/webhooks/{id}', objects.webhook],
    ['/v1/users/{id}', objects.user],
    ['/v1/clients/{id}', objects.client],
    ['/v1/funding-programs/{id}', program],
    ['/v1/review-assignments/{id}', objects.assignment],
    ['/v1/objections/{id}', objection],
    ['/v1/documents/{id}', objects.document],
    // Staff only: an officer is refused whatever the id.
    ['/v1/messages/{id}', '0190a0b0-0000-7000-8000-000000000001'],
  ];
  const id = prefixes.find(([prefix]) => op.path.startsWith(prefix))?.[1];
  const path = op.path
    .replace('{id}', id ?? '')
    .replace('{memberId}', objects.councilMember)
    .replace('{milestoneId}', objects.milestone)
    .replace('{deliveryId}', objects.delivery)
    .replace('{year}', '2024')
    .replace('{code}', 'decision_consulting');
  if (/[{}]/.test(path) || (op.path.includes('{id}') && id === undefined)) {
    throw new Error(`society-scope.test.ts cannot fill ${op.path}: add its collection to pathFor`);
  }
  return path;
}

function isSocietyField(name: string): boolean {
  return /^(societyId|societyIds|leadSocietyId|memberSocietyIds)$/.test(name);
}

function resolve(schema: JsonSchema | undefined): JsonSchema {
  let current = schema ?? {};
  for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) {
    const name = current.$ref.split('/').pop() ?? '';
    current = document.components?.schemas?.[name] ?? {};
  }
  return current;
}

/** Whether a body of this schema can name a society anywhere. */
function namesSocieties(schema: JsonSchema | undefined, depth = 0): boolean {
  const s = resolve(schema);
  if (depth > 6) return false;
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  if (Object.keys(properties).some(isSocietyField)) return true;
  const children = [
    ...Object.values(properties),
    ...(s.items ? [s.items as JsonSchema] : []),
    ...((s.anyOf ?? s.oneOf ?? s.allOf ?? []) as JsonSchema[]),
  ];
  return children.some((child) => namesSocieties(child, depth + 1));
}

/**
 * Bodies that get past validation and the business rules up to the scope check, for the operations
 * whose body names a society. A new operation that names one fails the test until it is added here.
 */
function bodyNaming(op: Operation, society: string): unknown {
  const samples: Record<string, unknown> = {
    createAlliance: { name: `越权联合体${Math.random()}`, leadSocietyId: society },
    updateAlliance: { memberSocietyIds: [society] },
    createExpert: {
      name: '越权专家',
      titleLevel: 'senior',
      disciplines: ['计算机'],
      pools: ['science_technology'],
      societyIds: [society],
    },
    updateExpert: { societyIds: [society] },
    importExperts: {
      rows: [
        {
          name: '越权导入专家',
          titleLevel: 'senior',
          disciplines: ['计算机'],
          pools: ['popularisation'],
          societyIds: [society],
        },
      ],
      dryRun: false,
    },
    createApplication: {
      societyId: society,
      categoryCode: 'journal',
      title: '越权申请',
      requestedFen: 100_000,
      selfFundedFen: 0,
      budgetLines: [{ item: '印刷', amountFen: 100_000 }],
    },
    proposePilot: {
      societyId: society,
      functionCode: 'decision_consulting',
      department: '市发展和改革委员会',
      title: '越权试点',
      mode: 'part',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      contractValueFen: 100,
    },
    putMyDeclaration: { societyIds: [society], note: null },
    createUser: {
      username: 'scope.intruder',
      password: 'scope-password-2',
      role: 'society_officer',
      societyIds: [society],
    },
    updateUser: { societyIds: [society] },
    createInvitation: {
      username: 'scope.invitee',
      role: 'society_officer',
      societyIds: [society],
      channel: 'email',
      address: 'scope.invitee@example.org',
    },
    createClient: { name: '越权系统', scopes: ['societies:read'], societyIds: [society] },
    updateClient: { societyIds: [society] },
  };
  if (!(op.operationId in samples)) {
    throw new Error(
      `${op.operationId} takes a body naming a society: add a sample to bodyNaming in society-scope.test.ts`,
    );
  }
  return samples[op.operationId];
}

/** Every id of B's objects and B's society: none may appear in an answer to A's callers. */
function foreignIds(): string[] {
  return Object.values(foreign).filter((v) => v !== '');
}

async function auditHead(): Promise<number> {
  const row = await sql<{ seq: number | null }>`SELECT max(seq)::int AS seq FROM audit_log`.execute(t.database.db);
  return row.rows[0]?.seq ?? 0;
}

/** Changes recorded since `after` that touch society B: its rows, or a mention of any of B's ids. */
async function changesToForeign(after: number): Promise<string[]> {
  const ids = foreignIds();
  const rows = await sql<{ action: string; resource_id: string }>`
    SELECT action, resource_id FROM audit_log
    WHERE seq > ${after}
      AND (society_id = ${foreign.society}
        OR resource_id = ANY(${ids})
        OR EXISTS (SELECT 1 FROM unnest(${ids}::text[]) AS i(id)
                   WHERE coalesce(before::text, '') LIKE '%' || i.id || '%'
                      OR coalesce(after::text, '') LIKE '%' || i.id || '%'))`.execute(t.database.db);
  return rows.rows.map((r) => `${r.action} ${r.resource_id}`);
}

function carriesForeignData(body: string): string | null {
  if (body.includes(MARKER)) return `the marker ${MARKER}`;
  const id = foreignIds().find((i) => body.includes(i));
  return id ? `B's id ${id}` : null;
}

interface Attempt {
  url: string;
  method: string;
  payload?: unknown;
}

/** The value with every field that names a society pointed at `society`. */
function naming(value: unknown, society: string): unknown {
  if (Array.isArray(value)) return value.map((v) => naming(v, society));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      isSocietyField(key) ? [key, Array.isArray(v) ? [society] : society] : [key, naming(v, society)],
    ),
  );
}

/**
 * Bodies drawn from the operation's schema (a fixed seed, so a run is repeatable), naming B wherever
 * they name a society: beyond the hand-made samples, so writes on B's objects reach past validation
 * for every operation, including ones added later.
 */
function generatedBodies(op: Operation): unknown[] {
  if (op.body === null) return [];
  const arbitraries = new SchemaArbitraries(document.components?.schemas ?? {});
  return fc.sample(arbitraries.valid(op.body), { numRuns: 3, seed: 20261207 }).map((b) => naming(b, foreign.society));
}

function attemptFor(op: Operation, objects: Objects, bodySociety: string | null): Attempt {
  const query = op.parameters
    .filter((p) => p.in === 'query' && p.name === 'societyId')
    .map((p) => `${p.name}=${foreign.society}`);
  const url = pathFor(op, objects) + (query.length ? `?${query.join('&')}` : '');
  if (op.body === null) return { url, method: op.method };
  if (bodySociety !== null && namesSocieties(op.body))
    return { url, method: op.method, payload: bodyNaming(op, bodySociety) };
  return { url, method: op.method, payload: {} };
}

beforeAll(async () => {
  t = await startTestApp('postgres', { OBJECTIONS_PER_HOUR: '1000' });
  admin = await t.login(ADMIN.username, ADMIN.password);
  document = t.app.swagger() as unknown as OpenApiDocument;
  operations = operationsOf(document).filter((op) => op.secured);
  await populate(own, '甲方');
  await populate(foreign, MARKER);
  await fund();

  const officer = officerOf.get(own.society) ?? '';
  const client = await send('POST', '/v1/clients', {
    name: '甲方全权限系统',
    scopes: ALL_SCOPES.filter((s) => s !== 'audit:read'),
    societyIds: [own.society],
  });
  const token = (await t.tryClientToken(client.clientId, client.clientSecret)).json().access_token;
  if (typeof token !== 'string') throw new Error('no token for the bound client');
  callers.push({ label: 'A’s officer', token: officer }, { label: 'A’s client (every scope)', token });
}, 120_000);
afterAll(async () => t?.close());

describe('the audit log', () => {
  it('is never granted to a client bound to societies', async () => {
    const refused = (response: { statusCode: number; json(): { errors?: { path: string; code: string }[] } }) => {
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toContainEqual(
        expect.objectContaining({ path: '/body/scopes', code: 'association_scope' }),
      );
    };
    refused(
      await t.request({
        method: 'POST',
        url: '/v1/clients',
        token: admin,
        payload: { name: '甲方审计系统', scopes: ALL_SCOPES, societyIds: [own.society] },
      }),
    );
    const auditor = await send('POST', '/v1/clients', { name: '市审计系统', scopes: ['audit:read'] });
    refused(
      await t.request({
        method: 'PATCH',
        url: `/v1/clients/${auditor.id}`,
        token: admin,
        headers: { 'if-match': '*' },
        payload: { societyIds: [own.society] },
      }),
    );
    refused(
      await t.request({
        method: 'PATCH',
        url: `/v1/clients/${own.client}`,
        token: admin,
        headers: { 'if-match': '*' },
        payload: { scopes: ['events:read', 'audit:read'] },
      }),
    );
  });
});

describe('a caller bound to society A', () => {
  it('drives every secured operation of the route table', () => {
    expect(operations.length).toBeGreaterThan(100);
    for (const op of operations) expect(() => pathFor(op, foreign)).not.toThrow();
  });

  it('never receives B’s data, never changes it, and cannot name B in a body', async () => {
    const findings: string[] = [];
    for (const op of operations) {
      for (const caller of callers) {
        const onForeign = attemptFor(op, foreign, foreign.society);
        const attempts: [string, Attempt, boolean][] = [[`on B's objects`, onForeign, false]];
        for (const [i, payload] of generatedBodies(op).entries()) {
          attempts.push([`on B's objects, drawn body ${i + 1}`, { ...onForeign, payload }, false]);
        }
        if (op.body !== null && namesSocieties(op.body)) {
          attempts.push([`on A's objects naming B`, attemptFor(op, own, foreign.society), true]);
        }
        for (const [how, attempt, bodyCheck] of attempts) {
          const before = await auditHead();
          const response = await t.request({
            method: attempt.method as 'GET',
            url: attempt.url,
            token: caller.token,
            headers: { 'if-match': '*', 'idempotency-key': `scope-${Math.random()}` },
            ...(attempt.payload === undefined ? {} : { payload: attempt.payload as Record<string, unknown> }),
          });
          const where = `${caller.label} ${op.method} ${attempt.url} (${op.operationId}, ${how})`;
          const status = response.statusCode;
          if (status >= 500) findings.push(`${where} → ${status}`);
          const leaked = status < 300 ? carriesForeignData(response.body) : null;
          if (leaked) findings.push(`${where} → ${status} carrying ${leaked}`);
          const changed = await changesToForeign(before);
          if (changed.length) findings.push(`${where} → ${status} and changed B: ${changed.join(', ')}`);
          if (bodyCheck) {
            const refusedForSociety =
              [401, 403, 404].includes(status) ||
              (status === 422 &&
                response.json<{ errors?: { path: string }[] }>().errors?.some((e) => /ociet/.test(e.path)));
            if (!refusedForSociety) {
              findings.push(
                `${where} → ${status}: a body naming B must be refused for the society; ${response.body.slice(0, 300)}`,
              );
            }
          }
        }
      }
    }
    expect(findings).toEqual([]);
  }, 300_000);
});
