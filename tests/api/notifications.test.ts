import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, nextCreditCode, startTestApp, type TestApp, USER_PASSWORD } from '../support/app';
import { linkIn, type MailServer, startMailServer } from '../support/mail-server';

/**
 * What the platform tells people (issue 19), through a real SMTP server and the inbox: a review
 * assigned reaching the expert, a call opened reaching the societies, an overdue annual report reaching
 * the secretariat once and never twice; nothing lost while the mail server is down; a message sent
 * again on request; and, with no mail server at all, messages kept for the administrator to read.
 */
const PUBLIC_URL = 'http://console.test';
const ASSOCIATION = '海川市科学技术协会';
let t: TestApp;
let admin: string;
let mail: MailServer;

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = shanghaiToday();

async function post(url: string, token: string, payload: unknown) {
  return t.request({ method: 'POST', url, token, payload: payload as Record<string, unknown> });
}

async function get(url: string, token: string) {
  return t.request({ method: 'GET', url, token });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not happen in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Notification {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  read: boolean;
}

async function inboxOf(token: string): Promise<Notification[]> {
  const response = await get('/v1/me/notifications', token);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Notification[] }>().items;
}

async function activeSociety(body: Record<string, unknown> = {}) {
  const id = await t.createSociety(admin, { creditCode: nextCreditCode(), ...body });
  const moved = await post(`/v1/societies/${id}/transitions`, admin, { to: 'active', reason: '登记成立' });
  expect(moved.statusCode, moved.body).toBe(200);
  return id;
}

/** A society officer whose e-mail is confirmed (as the contact confirmation would leave it). */
async function officerWithMail(societyId: string, email: string) {
  const token = await t.userToken('society_officer', [societyId]);
  const me = (await get('/v1/auth/me', token)).json<{ id: string }>();
  await sql`UPDATE users SET email = ${email}, email_verified_at = now() WHERE id = ${me.id}`.execute(t.database.db);
  return token;
}

beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp('postgres', {
    JOB_WORKER: '1',
    JOB_POLL_MS: '100',
    SMTP_URL: mail.url,
    PUBLIC_URL,
    ASSOCIATION_NAME: ASSOCIATION,
    MESSAGE_RETRY_BASE_SECONDS: '1',
    MESSAGE_RETRY_CAP_SECONDS: '1',
    MESSAGE_TIMEOUT_MS: '2000',
    NOTIFY_SCHEDULE_MS: '300',
    REVIEW_DAYS: '10',
  });
  admin = await t.login(ADMIN.username, ADMIN.password);
});
afterAll(async () => {
  await t?.close();
  await mail?.stop();
});

describe('a review assigned', () => {
  it('reaches each expert by mail with the deadline and a link, and the expert’s inbox; the call reached the societies', async () => {
    const societyId = await activeSociety({ name: '海川市机械工程学会' });
    const officer = await t.userToken('society_officer', [societyId]);
    const experts: { id: string; email: string }[] = [];
    for (const [i, name] of ['王评审', '李评审', '张评审'].entries()) {
      const email = `reviewer${i}@uni.test`;
      const created = await post('/v1/experts', admin, {
        name,
        titleLevel: 'senior',
        disciplines: ['机械'],
        pools: ['science_technology'],
        employer: `海川市第${i + 1}研究院`,
        email,
      });
      expect(created.statusCode, created.body).toBe(201);
      experts.push({ id: created.json().id, email });
    }
    const firstExpert = experts[0];
    if (!firstExpert) throw new Error('no expert');
    await post('/v1/users', admin, {
      username: 'wang.reviewer',
      password: USER_PASSWORD,
      role: 'reviewer',
      expertId: firstExpert.id,
    });
    const reviewer = await t.login('wang.reviewer');

    const program = await post('/v1/funding-programs', admin, {
      name: '学术交流资助',
      year: Number(today.slice(0, 4)),
      opensOn: shift(today, -1),
      closesOn: shift(today, 10),
      totalBudgetFen: 20_000_000,
      reviewersPerApplication: 3,
      categories: [{ code: 'academic_exchange', name: '学术交流', capFen: 10_000_000, budgetFen: 20_000_000 }],
    });
    expect(program.statusCode, program.body).toBe(201);
    const programId: string = program.json().id;
    expect(
      (await post(`/v1/funding-programs/${programId}/transitions`, admin, { to: 'open', reason: '发布' })).statusCode,
    ).toBe(200);

    // The call opened: the society's secretariat has it in the inbox.
    const call = await until('the call notice', async () =>
      (await inboxOf(officer)).find((n) => n.kind === 'call_opened'),
    );
    expect(call.title).toBe(`【${ASSOCIATION}】项目申报开始：学术交流资助`);
    expect(call.link).toBe(`/funding/${programId}`);

    const application = await post(`/v1/funding-programs/${programId}/applications`, officer, {
      societyId,
      categoryCode: 'academic_exchange',
      title: '智能制造学术年会',
      requestedFen: 3_000_000,
      selfFundedFen: 0,
      budgetLines: [{ item: '合计', amountFen: 3_000_000 }],
    });
    expect(application.statusCode, application.body).toBe(201);
    const applicationId: string = application.json().id;
    await post(`/v1/applications/${applicationId}/transitions`, officer, { to: 'submitted', reason: '提交' });
    // A second society applies, then goes dormant: its application fails screening when review opens.
    const dormantId = await activeSociety({ name: '海川市休眠学会' });
    const dormantOfficer = await t.userToken('society_officer', [dormantId]);
    const doomed = await post(`/v1/funding-programs/${programId}/applications`, dormantOfficer, {
      societyId: dormantId,
      categoryCode: 'academic_exchange',
      title: '休眠学会年会',
      requestedFen: 1_000_000,
      selfFundedFen: 0,
      budgetLines: [{ item: '合计', amountFen: 1_000_000 }],
    });
    expect(doomed.statusCode, doomed.body).toBe(201);
    await post(`/v1/applications/${doomed.json().id}/transitions`, dormantOfficer, { to: 'submitted', reason: '提交' });
    const dormant = await post(`/v1/societies/${dormantId}/transitions`, admin, { to: 'dormant', reason: '停止活动' });
    expect(dormant.statusCode, dormant.body).toBe(200);
    await post(`/v1/funding-programs/${programId}/transitions`, admin, { to: 'closed', reason: '截止' });
    const reviewing = await post(`/v1/funding-programs/${programId}/transitions`, admin, {
      to: 'reviewing',
      reason: '开始评审',
    });
    expect(reviewing.statusCode, reviewing.body).toBe(200);

    for (const expert of experts) {
      const [received] = await mail.waitFor(expert.email);
      if (!received) throw new Error('no mail');
      expect(received.parsed.subject).toBe(`【${ASSOCIATION}】评审任务：学术交流资助`);
      expect(received.parsed.text).toContain('智能制造学术年会');
      // The deadline: REVIEW_DAYS after the assignment.
      expect(received.parsed.text).toMatch(/请于 \d{4}-\d{2}-\d{2} 前完成评审/);
      const link = linkIn(received, PUBLIC_URL);
      expect(link.pathname).toMatch(/^\/reviews\/[0-9a-f-]{36}$/);
      // The link names an assignment the expert can open through the API.
      const assignmentId = link.pathname.split('/').pop() ?? '';
      const stored = await sql<{ expert_id: string }>`
        SELECT expert_id FROM review_assignments WHERE id = ${assignmentId}`.execute(t.database.db);
      expect(stored.rows[0]?.expert_id).toBe(expert.id);
    }
    const returned = await until('the screening result', async () =>
      (await inboxOf(dormantOfficer)).find((n) => n.kind === 'application_returned'),
    );
    expect(returned.title).toBe(`【${ASSOCIATION}】申报未通过形式审查：休眠学会年会`);
    expect(returned.link).toBe(`/funding/applications/${doomed.json().id}`);
    const assigned = await until('the review in the inbox', async () =>
      (await inboxOf(reviewer)).find((n) => n.kind === 'review_assigned'),
    );
    expect(assigned.link).toMatch(/^\/reviews\//);
    // What the link leads to in the console: the expert's own review queue, which holds the application.
    const queue = await get('/v1/reviews/mine', reviewer);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.body).toContain(applicationId);
  });
});

describe('an overdue annual report', () => {
  it('reaches the secretariat by mail and in the inbox once per year, however often the schedule runs', async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const societyId = await activeSociety({ name: '海川市化学化工学会', foundedOn: '2015-05-01' });
    const officer = await officerWithMail(societyId, 'secretariat@chem.test');
    const [received] = await mail.waitFor('secretariat@chem.test');
    if (!received) throw new Error('no mail');
    // Due on 31 March by default: last year's report is overdue for the rest of this year.
    const overdue = today > `${year + 1}-03-31`;
    expect(received.parsed.subject).toBe(
      overdue
        ? `【${ASSOCIATION}】${year} 年度工作报告已逾期`
        : `【${ASSOCIATION}】${year} 年度工作报告将于 ${year + 1}-03-31 截止`,
    );
    expect(linkIn(received, PUBLIC_URL).pathname).toBe(`/societies/${societyId}`);
    const notice = await until('the report notice', async () =>
      (await inboxOf(officer)).find((n) => n.kind.startsWith('annual_report')),
    );
    expect(notice.title).toBe(received.parsed.subject);

    // The schedule runs every 300 ms here: a few more rounds send nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mail.received.filter((m) => m.to.includes('secretariat@chem.test'))).toHaveLength(1);
    expect((await inboxOf(officer)).filter((n) => n.kind.startsWith('annual_report'))).toHaveLength(1);
  });
});

describe('the inbox', () => {
  it('counts the unread, marks some or all read, and keeps legal notices unmutable', async () => {
    const societyId = await activeSociety({ foundedOn: '2016-01-01' });
    const officer = await officerWithMail(societyId, 'inbox@society.test');
    await until('a notice', async () => ((await inboxOf(officer)).length > 0 ? true : undefined));
    const count = async () =>
      (await get('/v1/me/notifications/unread-count', officer)).json<{ unread: number }>().unread;
    expect(await count()).toBe(1);
    const [first] = await inboxOf(officer);
    const marked = await post('/v1/me/notifications/read', officer, { ids: [first?.id] });
    expect(marked.json()).toEqual({ marked: 1 });
    expect(await count()).toBe(0);
    expect((await get('/v1/me/notifications?unread=true', officer)).json().items).toEqual([]);
    // Another person's notification is not theirs to mark.
    const other = await t.userToken('society_officer', [societyId]);
    expect((await post('/v1/me/notifications/read', other, { ids: [first?.id] })).json()).toEqual({ marked: 0 });
    expect((await post('/v1/me/notifications/read-all', officer, {})).json()).toEqual({ marked: 0 });

    const muted = await t.request({
      method: 'PUT',
      url: '/v1/me/notification-settings',
      token: officer,
      payload: { language: 'en', muted: ['call_opened'] },
    });
    expect(muted.statusCode, muted.body).toBe(200);
    expect(muted.json()).toMatchObject({ language: 'en', muted: ['call_opened'] });
    const legal = await t.request({
      method: 'PUT',
      url: '/v1/me/notification-settings',
      token: officer,
      payload: { language: 'en', muted: ['application_decided'] },
    });
    expect(legal.statusCode).toBe(422);
    expect(legal.json().errors[0]).toMatchObject({ path: '/body/muted/0', code: 'not_mutable' });
  });
});

describe('when the mail server is down', () => {
  it('keeps the message queued, retries with backoff, and sends it once the server is back; redeliver sends again', async () => {
    await mail.stop();
    const invited = await post('/v1/invitations', admin, {
      username: 'outage.user',
      role: 'auditor',
      channel: 'email',
      address: 'outage@kexie.test',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const messageId: string = invited.json().messageId;
    const failing = await until('a failed attempt', async () => {
      const message = (await get(`/v1/messages/${messageId}`, admin)).json();
      return message.attempts >= 2 ? message : undefined;
    });
    expect(failing.status).toBe('queued');
    expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failing.nextAttemptAt).not.toBeNull();

    await mail.start();
    const [received] = await mail.waitFor('outage@kexie.test');
    expect(received?.parsed.subject).toBe(`【${ASSOCIATION}】邀请您使用学会通`);
    const sent = await until('the message sent', async () => {
      const message = (await get(`/v1/messages/${messageId}`, admin)).json();
      return message.status === 'sent' ? message : undefined;
    });
    expect(sent.sentAt).not.toBeNull();

    // The log lists it, the address masked; staff can send it again.
    const list = await get('/v1/messages?kind=invitation&status=sent', admin);
    const listed = list.json().items.find((m: { id: string }) => m.id === messageId);
    expect(listed.address).toBe('o***@kexie.test');
    const again = await post(`/v1/messages/${messageId}/redeliver`, admin, {});
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json().status).toBe('queued');
    await mail.waitFor('outage@kexie.test', 2);
    const officer = await t.userToken('society_officer', [await t.createSociety(admin)]);
    expect((await get('/v1/messages', officer)).statusCode).toBe(403);
  });
});

describe('with no mail server configured', () => {
  it('keeps the messages for the administrator to read, and the kept link works', async () => {
    const embedded = await startTestApp('postgres', { JOB_WORKER: '1', JOB_POLL_MS: '100', PUBLIC_URL });
    try {
      const token = await embedded.login(ADMIN.username, ADMIN.password);
      const invited = await embedded.request({
        method: 'POST',
        url: '/v1/invitations',
        token,
        payload: { username: 'laptop.user', role: 'auditor', channel: 'email', address: 'laptop@kexie.test' },
      });
      expect(invited.statusCode, invited.body).toBe(201);
      const id: string = invited.json().messageId;
      const message = (await embedded.request({ method: 'GET', url: `/v1/messages/${id}`, token })).json();
      expect(message.status).toBe('kept');
      const link = /http:\/\/console\.test\/invitation#token=([\w-]+)/.exec(message.body);
      expect(link).not.toBeNull();
      const redeliver = await embedded.request({ method: 'POST', url: `/v1/messages/${id}/redeliver`, token });
      expect(redeliver.statusCode).toBe(409);
      const accepted = await embedded.request({
        method: 'POST',
        url: '/v1/auth/invitation/accept',
        payload: { token: link?.[1], password: 'laptop-password-1' },
      });
      expect(accepted.statusCode, accepted.body).toBe(204);
      expect((await embedded.tryLogin('laptop.user', 'laptop-password-1')).statusCode).toBe(200);
    } finally {
      await embedded.close();
    }
  });
});
