import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportContent } from '../support/annual-report';
import { ADMIN, nextCreditCode, startTestApp, type TestApp } from '../support/app';
import { multipart, pdfBytes } from '../support/files';

/** The embedded default: documents on local disk and PGlite, versions through the slot's upsert. */
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp('pglite');
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => t?.close());

describe('documents on PGlite', () => {
  it('uploads a 承诺书 twice as two versions, downloads both, and the archive no longer misses it', async () => {
    const society = await t.createSociety(admin, { creditCode: nextCreditCode() });
    await t.request({
      method: 'POST',
      url: `/v1/societies/${society}/annual-reports`,
      token: admin,
      payload: { year: 2024, content: annualReportContent(), submit: false },
    });
    const missingBefore = (
      await t.request({ method: 'GET', url: `/v1/societies/${society}/documents`, token: admin })
    ).json();
    expect(missingBefore.missing.map((m: { purpose: string }) => m.purpose)).toContain('commitment_letter');
    const versions = [pdfBytes('第一版'), pdfBytes('第二版')];
    let id = '';
    for (const bytes of versions) {
      const body = multipart('承诺书.pdf', bytes);
      const response = await t.request({
        method: 'POST',
        url: `/v1/societies/${society}/documents?purpose=commitment_letter&owner=2024`,
        token: admin,
        headers: body.headers,
        payload: body.payload,
      });
      expect(response.statusCode, response.body).toBe(201);
      id = response.json().id;
    }
    for (const [i, bytes] of versions.entries()) {
      const download = await t.request({
        method: 'GET',
        url: `/v1/documents/${id}/content?version=${i + 1}`,
        token: admin,
      });
      expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
    }
    const archive = (
      await t.request({ method: 'GET', url: `/v1/societies/${society}/documents`, token: admin })
    ).json();
    expect(archive.items).toHaveLength(1);
    expect(archive.items[0].latest.number).toBe(2);
    expect(archive.missing.map((m: { purpose: string }) => m.purpose)).not.toContain('commitment_letter');
  });
});
