/**
 * Official documents as PDF (issue #20): the 公示 notice of a program and the annual inspection
 * result list, rendered with the project's own CJK font and read back with pdftotext (poppler): the
 * Chinese names, amounts, counts and dates must be in the text, as the API reports them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportContent } from '../support/annual-report';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
let admin = '';
let optics = '';
let acoustics = '';
let folder = '';
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The document's latest version as text, whitespace removed (table cells and lines wrap). */
async function pdfText(documentId: string, token = admin): Promise<string> {
  const download = await t.request({ method: 'GET', url: `/v1/documents/${documentId}/content`, token });
  expect(download.statusCode).toBe(200);
  expect(download.headers['content-type']).toBe('application/pdf');
  const file = join(folder, `${documentId}.pdf`);
  await writeFile(file, download.rawPayload);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function activeSociety(name: string): Promise<string> {
  const id = await t.createSociety(admin, { name, creditCode: nextCreditCode() });
  await t.request({
    method: 'POST',
    url: `/v1/societies/${id}/transitions`,
    token: admin,
    payload: { to: 'active', reason: '成立' },
  });
  return id;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'official-documents-'));
  t = await startTestApp('postgres');
  admin = await t.login(ADMIN.username, ADMIN.password);
  optics = await activeSociety('市光学学会');
  acoustics = await activeSociety('市声学学会');
}, 60_000);
afterAll(async () => t?.close());

describe('the 公示 notice of a program', () => {
  let programId = '';

  beforeAll(async () => {
    const program = await t.request({
      method: 'POST',
      url: '/v1/funding-programs',
      token: admin,
      payload: {
        name: '学会能力提升项目',
        year: Number(today.slice(0, 4)),
        opensOn: today,
        closesOn: today,
        totalBudgetFen: 300_000_000,
      },
    });
    expect(program.statusCode, program.body).toBe(201);
    programId = program.json().id;
    // The notice as the decision leaves it (tests/api/funding-decisions.test.ts walks the whole way).
    await sql`UPDATE funding_programs SET status = 'notice', notice_starts_on = ${today}, notice_ends_on = ${shift(today, 6)}
      WHERE id = ${programId}`.execute(t.database.db);
    for (const [society, title, fen] of [
      [optics, '光学前沿学术年会', 2_500_000],
      [acoustics, '声学科普进社区', 1_234_567],
    ] as const) {
      await sql`INSERT INTO funding_applications (id, program_id, society_id, category_code, title, disciplines, budget_lines,
          requested_fen, self_funded_fen, attachments, status, allocated_fen, created_at, updated_at)
        VALUES (gen_random_uuid(), ${programId}, ${society}, 'annual_meeting', ${title}, '[]', '[]', ${fen}, 0, '[]', 'notice', ${fen}, now(), now())`.execute(
        t.database.db,
      );
    }
  });

  it('renders the issuing body, number, title, every society, project and amount, the total and the period', async () => {
    const issued = await t.request({
      method: 'POST',
      url: `/v1/funding-programs/${programId}/notice-document`,
      token: admin,
      payload: { documentNumber: '市科协〔2026〕12号', issuedOn: '2026-12-07' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const document = issued.json();
    expect(document).toMatchObject({
      societyId: null,
      ownerKind: 'program',
      ownerId: programId,
      purpose: 'funding_notice',
      generated: true,
      latest: { number: 1, contentType: 'application/pdf', uploadedBy: ADMIN.username },
    });
    const text = await pdfText(document.id);
    for (const expected of [
      '市科学技术协会文件',
      '市科协〔2026〕12号',
      '学会能力提升项目拟资助项目公示',
      '各有关学会',
      '市光学学会',
      '光学前沿学术年会',
      '25,000.00',
      '市声学学会',
      '声学科普进社区',
      '12,345.67',
      '拟资助项目2项，拟资助金额合计37,345.67元',
      `公示期为${chineseDate(today)}至${chineseDate(shift(today, 6))}`,
      '2026年12月7日',
      '印章位置',
      '—1—',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // The figures are the public notice's.
    const published = (await t.request({ method: 'GET', url: '/v1/public/notices' })).json();
    const notice = published.items.find((n: { id: string }) => n.id === programId);
    expect(notice.totalFen).toBe(3_734_567);
  });

  it('is a new version when issued again, and the Association’s alone', async () => {
    const again = await t.request({
      method: 'POST',
      url: `/v1/funding-programs/${programId}/notice-document`,
      token: admin,
      payload: { documentNumber: '市科协〔2026〕13号' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().latest.number).toBe(2);
    expect(await pdfText(again.json().id)).toContain('市科协〔2026〕13号');
    const officer = await t.userToken('society_officer', [optics]);
    expect(
      (await t.request({ method: 'GET', url: `/v1/documents/${again.json().id}`, token: officer })).statusCode,
    ).toBe(404);
    const refused = await t.request({
      method: 'POST',
      url: `/v1/funding-programs/${programId}/notice-document`,
      token: officer,
      payload: { documentNumber: 'x' },
    });
    expect(refused.statusCode).toBe(403);
    expect((await pdfText(again.json().id, await t.userToken('auditor'))).length).toBeGreaterThan(0);
  });

  it('is refused for a program without a public notice', async () => {
    const draft = await t.request({
      method: 'POST',
      url: '/v1/funding-programs',
      token: admin,
      payload: {
        name: '未公示项目',
        year: Number(today.slice(0, 4)),
        opensOn: today,
        closesOn: today,
        totalBudgetFen: 1_000_000,
      },
    });
    const response = await t.request({
      method: 'POST',
      url: `/v1/funding-programs/${draft.json().id}/notice-document`,
      token: admin,
      payload: { documentNumber: '市科协〔2026〕14号' },
    });
    expect(response.statusCode).toBe(409);
  });
});

describe('the annual inspection result list', () => {
  it('lists every society’s result for the year with the counts', async () => {
    await t.request({
      method: 'POST',
      url: `/v1/societies/${optics}/annual-reports`,
      token: admin,
      payload: { year: 2025, content: annualReportContent(), submit: true },
    });
    for (const [society, payload] of [
      [optics, { result: 'pass' }],
      [acoustics, { result: 'absent', comments: '未按期报送年度报告' }],
    ] as const) {
      const recorded = await t.request({
        method: 'PUT',
        url: `/v1/societies/${society}/inspections/2025`,
        token: admin,
        payload,
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
    }
    const issued = await t.request({
      method: 'POST',
      url: '/v1/inspections/2025/results-document',
      token: admin,
      payload: { documentNumber: '市科协发〔2026〕3号', issuer: '某市科学技术协会', issuedOn: '2026-04-15' },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({
      ownerKind: 'inspection_year',
      ownerId: '2025',
      year: 2025,
      purpose: 'inspection_results',
    });
    const text = await pdfText(issued.json().id);
    for (const expected of [
      '某市科学技术协会文件',
      '市科协发〔2026〕3号',
      '关于公布2025年度所属学会年检结果的通知',
      '应参加年检的学会共2家，其中合格1家、基本合格0家、不合格0家、未参检1家',
      '市光学学会合格',
      // pdftotext may read a table's last column after the others: the comment is checked on its own.
      '市声学学会未参检',
      '未按期报送年度报告',
      '2026年4月15日',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('is refused for a year without results', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/v1/inspections/2001/results-document',
      token: admin,
      payload: { documentNumber: '市科协〔2001〕1号' },
    });
    expect(response.statusCode).toBe(409);
  });
});
