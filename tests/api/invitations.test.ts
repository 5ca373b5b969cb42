import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';
import { linkIn, type MailServer, startMailServer } from '../support/mail-server';
import { SMS_KEY, type SmsProvider, startSmsProvider } from '../support/sms-provider';

/**
 * Accounts reached through their holders' own addresses (issue 19), through a real SMTP server and a
 * stand-in SMS provider that checks requests as 阿里云 documents them: an invitation followed from the
 * mail that arrived, a forgotten password by link and by code (without telling who has an account,
 * and only a few times an hour), a contact confirmed by a code, and an invitation by SMS.
 */
const PUBLIC_URL = 'http://console.test';
const ASSOCIATION = '海川市科学技术协会';
let t: TestApp;
let admin: string;
let mail: MailServer;
let sms: SmsProvider;

beforeAll(async () => {
  mail = await startMailServer();
  sms = await startSmsProvider();
  t = await startTestApp('postgres', {
    JOB_WORKER: '1',
    JOB_POLL_MS: '100',
    SMTP_URL: mail.url,
    MAIL_FROM: '学会通 <hub@kexie.test>',
    PUBLIC_URL,
    ASSOCIATION_NAME: ASSOCIATION,
    SMS_PROVIDER: 'aliyun',
    SMS_ENDPOINT: sms.endpoint,
    SMS_ACCESS_KEY_ID: SMS_KEY.id,
    SMS_ACCESS_KEY_SECRET: SMS_KEY.secret,
    SMS_SIGN_NAME: '海川科协',
    SMS_TEMPLATES: JSON.stringify({ invitation: 'SMS_100001', password_reset: 'SMS_100002' }),
    PASSWORD_RESETS_PER_HOUR: '3',
  });
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => {
  await t?.close();
  await mail?.stop();
  await sms?.close();
});

async function invite(payload: Record<string, unknown>) {
  const response = await t.request({ method: 'POST', url: '/v1/invitations', token: admin, payload });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.headers.location).toBe(`/v1/users/${response.json().user.id}`);
  return response.json<{ user: { id: string }; messageId: string; address: string }>();
}

async function accept(token: string, password: string) {
  return t.request({ method: 'POST', url: '/v1/auth/invitation/accept', payload: { token, password } });
}

async function messageOf(id: string) {
  const response = await t.request({ method: 'GET', url: `/v1/messages/${id}`, token: admin });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ status: string; providerResponse: string | null; body: string; attempts: number }>();
}

async function waitForStatus(id: string, status: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const message = await messageOf(id);
    if (message.status === status) return message;
    if (Date.now() > deadline) throw new Error(`message ${id} is ${message.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('an invitation by e-mail', () => {
  it('arrives with a Chinese subject, and its link sets the password once; then the person signs in', async () => {
    const invited = await invite({
      username: 'wang.secretary',
      displayName: '王秘书长',
      role: 'society_officer',
      societyIds: [await t.createSociety(admin)],
      channel: 'email',
      address: 'wang@society.test',
    });
    expect(invited.address).toBe('w***@society.test');
    const [received] = await mail.waitFor('wang@society.test');
    if (!received) throw new Error('no mail');
    // The subject travels encoded (RFC 2047) and decodes to the Chinese text.
    expect(received.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(received.parsed.subject).toBe(`【${ASSOCIATION}】邀请您使用学会通`);
    expect(received.parsed.from?.text).toContain('hub@kexie.test');
    expect(received.parsed.headers.get('x-society-hub-kind')).toBe('invitation');
    expect(received.parsed.text).toContain('王秘书长，您好');
    expect(received.parsed.text).toContain('wang.secretary');

    const link = linkIn(received, PUBLIC_URL);
    expect(link.pathname).toBe('/invitation');
    const token = new URLSearchParams(link.hash.slice(1)).get('token') ?? '';
    const read = await t.request({ method: 'POST', url: '/v1/auth/invitation', payload: { token } });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ username: 'wang.secretary', displayName: '王秘书长' });

    // The usual password policy: not the username, at least 10 characters.
    expect((await accept(token, 'wang.secretary-1')).statusCode).toBe(422);
    expect((await accept(token, 'short')).statusCode).toBe(400);
    expect((await accept(token, 'a-good-password-1')).statusCode).toBe(204);
    expect((await accept(token, 'another-password-2')).statusCode).toBe(422);
    expect((await t.tryLogin('wang.secretary', 'a-good-password-1')).statusCode).toBe(200);

    // The address the link went to is now the account's own, confirmed.
    const session = await t.login('wang.secretary', 'a-good-password-1');
    const contact = await t.request({ method: 'GET', url: '/v1/me/contact', token: session });
    expect(contact.json()).toMatchObject({ email: 'wang@society.test', phone: null });
    expect(contact.json().emailVerifiedAt).not.toBeNull();

    // The message log has it as sent, with the server's answer; the audit log never the token.
    const message = await waitForStatus(invited.messageId, 'sent');
    expect(message.providerResponse).toMatch(/^250/);
    const audit = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE after::text LIKE ${`%${token}%`}`.execute(t.database.db);
    expect(audit.rows[0]?.n).toBe(0);
  });

  it('refuses a made-up or expired link the same way', async () => {
    const made = await t.request({ method: 'POST', url: '/v1/auth/invitation', payload: { token: 'x'.repeat(43) } });
    expect(made.statusCode).toBe(422);
    const invited = await invite({
      username: 'late.comer',
      role: 'auditor',
      channel: 'email',
      address: 'late@kexie.test',
    });
    const [received] = await mail.waitFor('late@kexie.test');
    if (!received) throw new Error('no mail');
    const token = new URLSearchParams(linkIn(received, PUBLIC_URL).hash.slice(1)).get('token') ?? '';
    await sql`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = ${invited.user.id}`.execute(
      t.database.db,
    );
    const expired = await accept(token, 'a-good-password-1');
    expect(expired.statusCode).toBe(made.statusCode);
    expect(expired.json().errors).toEqual(made.json().errors);

    // Staff send a fresh link; it works, and only it.
    const again = await t.request({
      method: 'POST',
      url: `/v1/users/${invited.user.id}/invitation`,
      token: admin,
      payload: { channel: 'email', address: 'late@kexie.test' },
    });
    expect(again.statusCode, again.body).toBe(201);
    const [, second] = await mail.waitFor('late@kexie.test', 2);
    if (!second) throw new Error('no second mail');
    const fresh = new URLSearchParams(linkIn(second, PUBLIC_URL).hash.slice(1)).get('token') ?? '';
    expect(fresh).not.toBe(token);
    expect((await accept(fresh, 'a-good-password-1')).statusCode).toBe(204);
    expect((await t.tryLogin('late.comer', 'a-good-password-1')).statusCode).toBe(200);
  });
});

describe('a forgotten password', () => {
  it('answers the same for an account and for nobody, and sends the code only to the account', async () => {
    await invite({ username: 'li.expert', role: 'auditor', channel: 'email', address: 'li@uni.test' });
    const [invitation] = await mail.waitFor('li@uni.test');
    if (!invitation) throw new Error('no mail');
    const token = new URLSearchParams(linkIn(invitation, PUBLIC_URL).hash.slice(1)).get('token') ?? '';
    expect((await accept(token, 'first-password-1')).statusCode).toBe(204);

    const known = await t.request({
      method: 'POST',
      url: '/v1/auth/password-reset',
      payload: { login: 'li@uni.test' },
    });
    const unknown = await t.request({
      method: 'POST',
      url: '/v1/auth/password-reset',
      payload: { login: 'nobody@uni.test' },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);

    const [, reset] = await mail.waitFor('li@uni.test', 2);
    if (!reset) throw new Error('no reset mail');
    expect(reset.parsed.subject).toBe(`【${ASSOCIATION}】重置密码`);
    expect(mail.received.some((m) => m.to.includes('nobody@uni.test'))).toBe(false);
    const code = /验证码：(\d{6})/.exec(reset.parsed.text ?? '')?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);

    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await t.request({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      payload: { login: 'li@uni.test', code: wrong, password: 'second-password-2' },
    });
    expect(refused.statusCode).toBe(422);
    const confirmed = await t.request({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      payload: { login: 'li@uni.test', code, password: 'second-password-2' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(204);
    expect((await t.tryLogin('li.expert', 'first-password-1')).statusCode).toBe(401);
    expect((await t.tryLogin('li.expert', 'second-password-2')).statusCode).toBe(200);

    // The link in the same mail is spent with its code.
    const link = linkIn(reset, PUBLIC_URL);
    expect(link.pathname).toBe('/reset-password');
    const again = await t.request({
      method: 'POST',
      url: '/v1/auth/password-reset/confirm',
      payload: { token: new URLSearchParams(link.hash.slice(1)).get('token'), password: 'third-password-3' },
    });
    expect(again.statusCode).toBe(422);
  });

  it('sends at most three an hour to one account, answering every request the same', async () => {
    await invite({ username: 'zhao.staff', role: 'auditor', channel: 'email', address: 'zhao@kexie.test' });
    const [invitation] = await mail.waitFor('zhao@kexie.test');
    if (!invitation) throw new Error('no mail');
    const token = new URLSearchParams(linkIn(invitation, PUBLIC_URL).hash.slice(1)).get('token') ?? '';
    expect((await accept(token, 'zhao-password-1')).statusCode).toBe(204);
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const response = await t.request({
        method: 'POST',
        url: '/v1/auth/password-reset',
        payload: { login: 'zhao.staff' },
      });
      expect(response.statusCode).toBe(202);
      answers.add(response.body);
    }
    expect(answers.size).toBe(1);
    await mail.waitFor('zhao@kexie.test', 4);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mail.received.filter((m) => m.to.includes('zhao@kexie.test'))).toHaveLength(1 + 3);
  });
});

describe('contact details', () => {
  it('become the user’s only after the code sent to them comes back', async () => {
    const officer = await t.userToken('society_officer', [await t.createSociety(admin)]);
    const started = await t.request({
      method: 'POST',
      url: '/v1/me/contact/verification',
      token: officer,
      payload: { channel: 'email', address: 'new.address@society.test' },
    });
    expect(started.statusCode, started.body).toBe(202);
    expect((await t.request({ method: 'GET', url: '/v1/me/contact', token: officer })).json().email).toBeNull();
    const [received] = await mail.waitFor('new.address@society.test');
    const code = /验证码：(\d{6})/.exec(received?.parsed.text ?? '')?.[1] ?? '';
    const confirmed = await t.request({
      method: 'POST',
      url: '/v1/me/contact/verification/confirm',
      token: officer,
      payload: { channel: 'email', code },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().email).toBe('new.address@society.test');
  });
});

describe('an invitation by SMS (阿里云 SendSms)', () => {
  it('is a request signed as the provider documents, and the answer is kept with the message', async () => {
    const invited = await invite({
      username: 'qian.professor',
      displayName: '钱教授',
      role: 'reviewer',
      channel: 'sms',
      address: '13912345678',
    });
    const [call] = await sms.waitFor(1);
    expect(call?.problems).toEqual([]);
    expect(call?.params).toMatchObject({
      PhoneNumbers: '13912345678',
      SignName: '海川科协',
      TemplateCode: 'SMS_100001',
    });
    expect(JSON.parse(call?.params.TemplateParam ?? '{}')).toEqual({ name: '钱教授', username: 'qian.professor' });
    const message = await waitForStatus(invited.messageId, 'sent');
    expect(JSON.parse(message.providerResponse ?? '{}')).toMatchObject({ Code: 'OK', BizId: 'biz-1' });
    // The secret signs; it is never in what the API keeps or answers.
    expect(JSON.stringify(message)).not.toContain(SMS_KEY.secret);
  });

  it('retries with backoff when the provider throttles, and records its answer', async () => {
    sms.answerWith('isv.BUSINESS_LIMIT_CONTROL');
    const invited = await invite({
      username: 'sun.professor',
      role: 'reviewer',
      channel: 'sms',
      address: '13812345678',
    });
    const before = sms.calls.length;
    await sms.waitFor(before + 1);
    const queued = await waitForStatus(invited.messageId, 'queued');
    expect(queued.attempts).toBeGreaterThanOrEqual(1);
    sms.answerWith('OK');
    await sql`UPDATE messages SET next_attempt_at = now() WHERE id = ${invited.messageId}`.execute(t.database.db);
    const sent = await waitForStatus(invited.messageId, 'sent');
    expect(sent.attempts).toBe(2);
  });
});
