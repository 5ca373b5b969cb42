/**
 * Documents (issue #20): upload and download through the API, what is refused and why, versions, and
 * who reaches which file. "Nothing half-stored" is checked on both sides: no version row and no
 * object left in the data directory's storage after a refusal.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportContent } from '../support/annual-report';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';
import { interruptedMultipart, jpegBytes, multipart, pdfBytes, pngBytes, xlsxBomb, xlsxBytes } from '../support/files';

let t: TestApp;
let admin = '';
let societyA = '';
let societyB = '';
let officerA = '';
let officerB = '';
let auditor = '';
let storageRoot = '';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function upload(
  token: string,
  society: string,
  query: string,
  fileName: string,
  bytes: Buffer,
  options: { field?: string; clientType?: string } = {},
) {
  const body = multipart(fileName, bytes, options);
  return t.request({
    method: 'POST',
    url: `/v1/societies/${society}/documents?${query}`,
    token,
    headers: body.headers,
    payload: body.payload,
  });
}

async function storedObjects(): Promise<number> {
  const files = await readdir(join(storageRoot, 'documents'), { recursive: true }).catch(() => []);
  return files.length;
}

async function versionRows(): Promise<number> {
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM document_versions`.execute(t.database.db);
  return row.rows[0]?.n ?? 0;
}

/** Nothing was kept by a refused upload: the same rows and objects as before it. */
async function expectNothingStored(run: () => Promise<LightMyRequestResponse>, status: number, code: string) {
  const [rows, objects] = [await versionRows(), await storedObjects()];
  const response = await run();
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/problem\+json/);
  const problem = JSON.parse(response.body);
  expect(JSON.stringify(problem.errors ?? problem.code)).toContain(code);
  expect(await versionRows()).toBe(rows);
  expect(await storedObjects()).toBe(objects);
  return problem;
}

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'society-hub-documents-'));
  storageRoot = join(dataDir, 'files');
  t = await startTestApp('postgres', { DATA_DIR: dataDir });
  admin = await t.login(ADMIN.username, ADMIN.password);
  societyA = await t.createSociety(admin, { name: '市档案甲学会', creditCode: nextCreditCode() });
  societyB = await t.createSociety(admin, { name: '市档案乙学会', creditCode: nextCreditCode() });
  for (const society of [societyA, societyB]) {
    const filed = await t.request({
      method: 'POST',
      url: `/v1/societies/${society}/annual-reports`,
      token: admin,
      payload: { year: 2024, content: annualReportContent(), submit: false },
    });
    expect(filed.statusCode, filed.body).toBe(201);
  }
  officerA = await t.userToken('society_officer', [societyA]);
  officerB = await t.userToken('society_officer', [societyB]);
  auditor = await t.userToken('auditor');
}, 60_000);
afterAll(async () => t?.close());

describe('an upload', () => {
  it('comes back byte for byte, with its SHA-256, sniffed type and the uploader', async () => {
    const bytes = pdfBytes('承诺书 2024');
    const response = await upload(
      officerA,
      societyA,
      'purpose=commitment_letter&owner=2024',
      '2024年度承诺书.pdf',
      bytes,
      {
        clientType: 'image/png',
      },
    );
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json();
    expect(document).toMatchObject({
      societyId: societyA,
      ownerKind: 'annual_report',
      purpose: 'commitment_letter',
      label: '承诺书',
      year: 2024,
      generated: false,
      latest: {
        number: 1,
        name: '2024年度承诺书.pdf',
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
        contentType: 'application/pdf',
      },
    });
    expect(document.latest.uploadedBy).toMatch(/^society_officer_/);
    expect(response.headers.location).toBe(`/v1/documents/${document.id}`);

    const download = await t.request({ method: 'GET', url: `/v1/documents/${document.id}/content`, token: admin });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(sha256(download.rawPayload)).toBe(document.latest.sha256);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256(bytes), 'hex').toString('base64')}:`);
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('2024年度承诺书.pdf')}`,
    );
  });

  it('accepts an XLSX financial statement, a PNG and a JPEG where allowed', async () => {
    const xlsx = await upload(
      officerA,
      societyA,
      'purpose=financial_statements&owner=2024',
      '财务报表.xlsx',
      await xlsxBytes(),
    );
    expect(xlsx.statusCode, xlsx.body).toBe(201);
    expect(xlsx.json().latest.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const png = await upload(officerA, societyA, 'purpose=registration_certificate', '登记证书.png', pngBytes());
    expect(png.statusCode, png.body).toBe(201);
    const jpeg = await upload(officerA, societyA, 'purpose=other', '合影.JPG', jpegBytes());
    expect(jpeg.statusCode, jpeg.body).toBe(201);
    expect(jpeg.json().latest.contentType).toBe('image/jpeg');
  });

  it('keeps every version: a new 承诺书 is version 2 of the same document, version 1 still downloads', async () => {
    const first = pdfBytes('第一版');
    const second = pdfBytes('第二版（盖章）');
    const society = await t.createSociety(admin, { creditCode: nextCreditCode() });
    await t.request({
      method: 'POST',
      url: `/v1/societies/${society}/annual-reports`,
      token: admin,
      payload: { year: 2025, content: annualReportContent(), submit: false },
    });
    const one = (await upload(admin, society, 'purpose=commitment_letter&owner=2025', '承诺书.pdf', first)).json();
    const two = (
      await upload(admin, society, 'purpose=commitment_letter&owner=2025', '承诺书-盖章.pdf', second)
    ).json();
    expect(two.id).toBe(one.id);
    expect(two.latest.number).toBe(2);
    const detail = (await t.request({ method: 'GET', url: `/v1/documents/${one.id}`, token: admin })).json();
    expect(detail.versions.map((v: { number: number; sha256: string }) => [v.number, v.sha256])).toEqual([
      [2, sha256(second)],
      [1, sha256(first)],
    ]);
    const old = await t.request({ method: 'GET', url: `/v1/documents/${one.id}/content?version=1`, token: admin });
    expect(old.rawPayload.equals(first)).toBe(true);
    const latest = await t.request({ method: 'GET', url: `/v1/documents/${one.id}/content`, token: admin });
    expect(latest.rawPayload.equals(second)).toBe(true);
    const missing = await t.request({ method: 'GET', url: `/v1/documents/${one.id}/content?version=3`, token: admin });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps several invitation-letter-like documents apart, and versions one when named', async () => {
    const a = (await upload(officerA, societyA, 'purpose=other', '材料一.pdf', pdfBytes('一'))).json();
    const b = (await upload(officerA, societyA, 'purpose=other', '材料二.pdf', pdfBytes('二'))).json();
    expect(a.id).not.toBe(b.id);
    const again = await upload(
      officerA,
      societyA,
      `purpose=other&documentId=${a.id}`,
      '材料一修订.pdf',
      pdfBytes('一改'),
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ id: a.id, latest: { number: 2 } });
  });

  it('reduces a path-like name to its last segment, and refuses a name that is only a path', async () => {
    const response = await upload(officerA, societyA, 'purpose=other', '../../etc/x.pdf', pdfBytes());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().latest.name).toBe('x.pdf');
    const windows = await upload(officerA, societyA, 'purpose=other', '..\\..\\scan.pdf', pdfBytes());
    expect(windows.json().latest.name).toBe('scan.pdf');
    await expectNothingStored(() => upload(officerA, societyA, 'purpose=other', '../..', pdfBytes()), 422, 'file_name');
  });
});

describe('a refused upload stores nothing', () => {
  it('bytes that are not what the name says: 422 extension_mismatch', async () => {
    const problem = await expectNothingStored(
      () =>
        upload(officerA, societyA, 'purpose=commitment_letter&owner=2024', '承诺书.pdf', pngBytes(), {
          clientType: 'application/pdf',
        }),
      422,
      'extension_mismatch',
    );
    expect(problem.errors[0].path).toBe('/body/file');
  });

  it('an empty file: 422 empty', async () => {
    await expectNothingStored(
      () => upload(officerA, societyA, 'purpose=other', '空白.pdf', Buffer.alloc(0)),
      422,
      'empty',
    );
  });

  it('a type the purpose does not allow: 422 type_not_allowed (an XLSX as a 承诺书, an executable), or no such owner', async () => {
    await expectNothingStored(
      async () => upload(officerA, societyA, 'purpose=commitment_letter&owner=2024', '承诺书.xlsx', await xlsxBytes()),
      422,
      'type_not_allowed',
    );
    await expectNothingStored(
      () =>
        upload(officerA, societyA, 'purpose=other', 'setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)])),
      422,
      'type_not_allowed',
    );
    await expectNothingStored(
      () => upload(officerA, societyA, 'purpose=acceptance_report&owner=2024', '验收.pdf', pdfBytes()),
      422,
      'unknown_owner',
    );
  });

  it('over the purpose’s limit: 413 problem', async () => {
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    await expectNothingStored(
      () => upload(officerA, societyA, 'purpose=commitment_letter&owner=2024', '大文件.pdf', big),
      413,
      'too_large',
    );
  });

  it('a zip bomb dressed as financial statements: 422 archive_too_large', async () => {
    await expectNothingStored(
      () => upload(officerA, societyA, 'purpose=financial_statements&owner=2024', '财务报表.xlsx', xlsxBomb()),
      422,
      'archive_too_large',
    );
  });

  it('an upload cut off mid-file: 400 upload_incomplete', async () => {
    const body = interruptedMultipart('承诺书.pdf', Buffer.concat([pdfBytes(), Buffer.alloc(64 * 1024, 7)]));
    await expectNothingStored(
      () =>
        t.request({
          method: 'POST',
          url: `/v1/societies/${societyA}/documents?purpose=other`,
          token: officerA,
          headers: body.headers,
          payload: body.payload,
        }),
      400,
      'upload_incomplete',
    );
  });

  it('not multipart: 415; no file part: 422', async () => {
    const json = await t.request({
      method: 'POST',
      url: `/v1/societies/${societyA}/documents?purpose=other`,
      token: officerA,
      payload: { file: 'not a file' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.headers['content-type']).toMatch(/problem\+json/);
    await expectNothingStored(
      () => upload(officerA, societyA, 'purpose=other', 'x.pdf', pdfBytes(), { field: 'attachment' }),
      422,
      'required',
    );
  });
});

describe('who reaches a file', () => {
  let fileOfA = '';
  beforeAll(async () => {
    fileOfA = (await upload(officerA, societyA, 'purpose=other', '甲方内部材料.pdf', pdfBytes('甲方'))).json().id;
  });

  it('another society’s officer: 404 for the file, its bytes, its archive and uploads to it', async () => {
    for (const url of [
      `/v1/documents/${fileOfA}`,
      `/v1/documents/${fileOfA}/content`,
      `/v1/societies/${societyA}/documents`,
    ]) {
      const response = await t.request({ method: 'GET', url, token: officerB });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('甲方内部材料');
    }
    const intrusion = await upload(officerB, societyA, 'purpose=other', '越权.pdf', pdfBytes());
    expect(intrusion.statusCode).toBe(404);
    const version = await upload(officerB, societyB, `purpose=other&documentId=${fileOfA}`, '越权.pdf', pdfBytes());
    expect(version.statusCode).toBe(422);
  });

  it('staff and the auditor reach it; a reviewer without an assignment does not', async () => {
    expect((await t.request({ method: 'GET', url: `/v1/documents/${fileOfA}`, token: auditor })).statusCode).toBe(200);
    const reviewer = await t.userToken('reviewer');
    expect(
      (await t.request({ method: 'GET', url: `/v1/documents/${fileOfA}/content`, token: reviewer })).statusCode,
    ).toBe(404);
  });

  it('a reviewer reaches the files of an application assigned to them, and no other', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const program = (
      await t.request({
        method: 'POST',
        url: '/v1/funding-programs',
        token: admin,
        payload: {
          name: '档案测试项目',
          year: Number(today.slice(0, 4)),
          opensOn: today,
          closesOn: today,
          totalBudgetFen: 10_000_000,
        },
      })
    ).json();
    await t.request({
      method: 'POST',
      url: `/v1/funding-programs/${program.id}/transitions`,
      token: admin,
      payload: { to: 'open', reason: '开放' },
    });
    await t.request({
      method: 'POST',
      url: `/v1/societies/${societyA}/transitions`,
      token: admin,
      payload: { to: 'active', reason: '成立' },
    });
    const applications: string[] = [];
    for (const title of ['已分配的申请', '未分配的申请']) {
      const created = await t.request({
        method: 'POST',
        url: `/v1/funding-programs/${program.id}/applications`,
        token: officerA,
        payload: {
          societyId: societyA,
          categoryCode: 'journal',
          title,
          requestedFen: 100_000,
          selfFundedFen: 0,
          budgetLines: [{ item: '印刷', amountFen: 100_000 }],
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      applications.push(created.json().id);
    }
    const [assigned = '', other = ''] = applications;
    const files = [];
    for (const application of applications) {
      const response = await upload(
        officerA,
        societyA,
        `purpose=budget_details&owner=${application}`,
        '预算明细.pdf',
        pdfBytes(),
      );
      expect(response.statusCode, response.body).toBe(201);
      files.push(response.json().id);
    }
    const expert = (
      await t.request({
        method: 'POST',
        url: '/v1/experts',
        token: admin,
        payload: { name: '档案评审专家', titleLevel: 'senior', disciplines: ['数学'], pools: ['science_technology'] },
      })
    ).json();
    const reviewer = await t.userToken('reviewer');
    await sql`UPDATE users SET expert_id = ${expert.id}
      WHERE id = (SELECT id FROM users WHERE role = 'reviewer' ORDER BY created_at DESC LIMIT 1)`.execute(
      t.database.db,
    );
    await sql`INSERT INTO review_assignments (id, program_id, application_id, expert_id, status, assigned_by, created_at, updated_at)
      VALUES (gen_random_uuid(), ${program.id}, ${assigned}, ${expert.id}, 'assigned', 'auto', now(), now())`.execute(
      t.database.db,
    );
    const [assignedFile, otherFile] = files;
    const mine = await t.request({ method: 'GET', url: `/v1/documents/${assignedFile}/content`, token: reviewer });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: `/v1/documents/${otherFile}/content`, token: reviewer })).statusCode,
    ).toBe(404);
    expect(other).not.toBe(assigned);
    // An application of another society cannot be an owner of A's documents.
    const wrongOwner = await upload(
      officerB,
      societyB,
      `purpose=budget_details&owner=${assigned}`,
      '预算.pdf',
      pdfBytes(),
    );
    expect(wrongOwner.statusCode).toBe(422);
  });

  it('every download is in the audit log, with who and which version', async () => {
    const before = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'document.downloaded' AND resource_id = ${fileOfA}`.execute(
      t.database.db,
    );
    await t.request({ method: 'GET', url: `/v1/documents/${fileOfA}/content`, token: auditor });
    const rows = await sql<{ actor_name: string; after: { version: number; sha256: string } }>`
      SELECT actor_name, after FROM audit_log WHERE action = 'document.downloaded' AND resource_id = ${fileOfA} ORDER BY seq`.execute(
      t.database.db,
    );
    expect(rows.rows.length).toBe((before.rows[0]?.n ?? 0) + 1);
    expect(rows.rows.at(-1)?.after.version).toBe(1);
    expect(rows.rows.at(-1)?.actor_name).toMatch(/^auditor_/);
  });
});

describe('the archive', () => {
  it('lists a society’s files by year and kind, and names the required documents missing', async () => {
    const society = await t.createSociety(admin, { creditCode: nextCreditCode() });
    for (const year of [2023, 2024]) {
      await t.request({
        method: 'POST',
        url: `/v1/societies/${society}/annual-reports`,
        token: admin,
        payload: { year, content: annualReportContent(), submit: false },
      });
    }
    const term = await t.request({
      method: 'POST',
      url: `/v1/societies/${society}/terms`,
      token: admin,
      payload: { sequence: 1, startOn: '2022-01-01', endOn: '2026-12-31', representatives: 100 },
    });
    expect(term.statusCode, term.body).toBe(201);
    await upload(admin, society, 'purpose=commitment_letter&owner=2024', '2024承诺书.pdf', pdfBytes());
    await upload(admin, society, 'purpose=financial_statements&owner=2023', '2023财务.pdf', pdfBytes());

    const all = (await t.request({ method: 'GET', url: `/v1/societies/${society}/documents`, token: admin })).json();
    expect(all.items).toHaveLength(2);
    expect(all.missing.map((m: { year: number; purpose: string }) => `${m.year} ${m.purpose}`).sort()).toEqual([
      '2022 election_minutes',
      '2023 commitment_letter',
      '2024 financial_statements',
    ]);
    const y2024 = (
      await t.request({ method: 'GET', url: `/v1/societies/${society}/documents?year=2024`, token: admin })
    ).json();
    expect(y2024.items.map((d: { latest: { name: string } }) => d.latest.name)).toEqual(['2024承诺书.pdf']);
    expect(y2024.missing).toEqual([
      expect.objectContaining({ purpose: 'financial_statements', label: '财务报表', year: 2024 }),
    ]);
    const letters = (
      await t.request({ method: 'GET', url: `/v1/societies/${society}/documents?kind=commitment_letter`, token: admin })
    ).json();
    expect(letters.items).toHaveLength(1);
    expect(letters.missing.map((m: { year: number }) => m.year)).toEqual([2023]);

    const page = (
      await t.request({ method: 'GET', url: `/v1/societies/${society}/documents?limit=1`, token: admin })
    ).json();
    expect(page.items).toHaveLength(1);
    const next = (
      await t.request({
        method: 'GET',
        url: `/v1/societies/${society}/documents?limit=1&cursor=${page.nextCursor}`,
        token: admin,
      })
    ).json();
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(page.items[0].id);
    expect(next.nextCursor).toBeNull();
  });
});
