import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';
import { linkIn, type MailServer, startMailServer } from '../support/mail-server';

/**
 * The job runner on the embedded default (one PGlite connection): claiming with a lease and
 * `SKIP LOCKED`, sending through a real SMTP server, recording the outcome — and the link works.
 */
let t: TestApp;
let mail: MailServer;

beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp('pglite', {
    JOB_WORKER: '1',
    JOB_POLL_MS: '100',
    SMTP_URL: mail.url,
    PUBLIC_URL: 'http://console.test',
  });
});
afterAll(async () => {
  await t?.close();
  await mail?.stop();
});

describe('messages on PGlite', () => {
  it('sends an invitation through the job runner, and its link sets the password', async () => {
    const admin = await t.login(ADMIN.username, ADMIN.password);
    const invited = await t.request({
      method: 'POST',
      url: '/v1/invitations',
      token: admin,
      payload: { username: 'embedded.user', role: 'auditor', channel: 'email', address: 'embedded@kexie.test' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [received] = await mail.waitFor('embedded@kexie.test');
    if (!received) throw new Error('no mail');
    const token = new URLSearchParams(linkIn(received, 'http://console.test').hash.slice(1)).get('token');
    const accepted = await t.request({
      method: 'POST',
      url: '/v1/auth/invitation/accept',
      payload: { token, password: 'embedded-password-1' },
    });
    expect(accepted.statusCode, accepted.body).toBe(204);
    expect((await t.tryLogin('embedded.user', 'embedded-password-1')).statusCode).toBe(200);
    const message = await t.request({ method: 'GET', url: `/v1/messages/${invited.json().messageId}`, token: admin });
    expect(message.json().status).toBe('sent');
  });
});
