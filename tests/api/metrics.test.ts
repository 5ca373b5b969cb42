import { randomBytes } from 'node:crypto';
import { buildApp, connectPostgres, loadConfig, migrateToLatest } from '@society-hub/api/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';

const TOKEN = 'metrics-token-0123456789';

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgres', { METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => t?.close());

  it('needs the configured bearer token', async () => {
    const anonymous = await t.request({ method: 'GET', url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('Bearer');
    const admin = await t.login(ADMIN.username, ADMIN.password);
    // A console login is not the scraper's token.
    expect((await t.request({ method: 'GET', url: '/metrics', token: admin })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/metrics', token: `${TOKEN}x` })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/metrics', token: TOKEN })).statusCode).toBe(200);
  });

  it('counts requests by route pattern, never by raw URL, with latency', async () => {
    const admin = await t.login(ADMIN.username, ADMIN.password);
    const society = await t.createSociety(admin);
    for (let i = 0; i < 3; i++) await t.request({ method: 'GET', url: `/v1/societies/${society}`, token: admin });
    await t.request({ method: 'GET', url: `/v1/no-such-thing/${society}` });
    const response = await t.request({ method: 'GET', url: '/metrics', token: TOKEN });
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.body;
    expect(text).toMatch(
      /society_hub_http_requests_total\{method="GET",route="\/v1\/societies\/:id",status_code="200"\} 3/,
    );
    expect(text).toMatch(/society_hub_http_request_duration_seconds_bucket\{[^}]*route="\/v1\/societies\/:id"/);
    expect(text).toMatch(/route="unmatched",status_code="404"/);
    expect(text).not.toContain(society);
  });

  it('reports the outbox and webhook backlog', async () => {
    const text = (await t.request({ method: 'GET', url: '/metrics', token: TOKEN })).body;
    for (const name of [
      'society_hub_outbox_dispatch_lag_seconds',
      'society_hub_outbox_horizon_wait_seconds',
      'society_hub_webhook_deliveries_pending',
      'society_hub_webhook_oldest_pending_delivery_seconds',
      'society_hub_process_cpu_seconds_total',
    ]) {
      expect(text, name).toMatch(new RegExp(`^${name} [0-9.e+-]+$`, 'm'));
    }
    expect(text).toContain('# TYPE society_hub_webhook_delivery_attempts_total counter');
    expect(text).toContain('# TYPE society_hub_webhook_deliveries_failed_total counter');
    for (const status of ['queued', 'failed', 'kept']) {
      expect(text).toMatch(new RegExp(`^society_hub_messages\\{status="${status}"\\} [0-9]+$`, 'm'));
    }
  });
});

describe('/metrics configuration', () => {
  it('refuses everyone when no token is set, and is open only when configured so', async () => {
    const closed = await startTestApp('postgres');
    try {
      expect((await closed.request({ method: 'GET', url: '/metrics' })).statusCode).toBe(403);
    } finally {
      await closed.close();
    }
    const open = await startTestApp('postgres', { METRICS_OPEN: '1' });
    try {
      expect((await open.request({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('/metrics with a PostgreSQL pool', () => {
  it('reports the process’s PostgreSQL pool when given its stats, as server.ts gives them', async () => {
    const created = await createTestDatabase('sh_test', inject('templateDatabase') || undefined);
    const database = connectPostgres(created.url, 3);
    try {
      await migrateToLatest(database.db);
      const app = await buildApp({
        config: loadConfig({
          LOG_LEVEL: 'silent',
          CONSOLE_DIR: '',
          WEBHOOK_WORKER: '0',
          METRICS_OPEN: '1',
          MEMBER_DATA_KEY: randomBytes(32).toString('base64'),
        }),
        db: database.db,
        poolStats: database.poolStats,
      });
      try {
        await app.ready();
        // Scrape while this test holds a connection, so the gauge shows one in use.
        const text = await database.db
          .connection()
          .execute(async () => (await app.inject({ method: 'GET', url: '/metrics' })).body);
        const gauge = (state: string) =>
          Number(new RegExp(`^society_hub_db_pool_connections\\{state="${state}"\\} (\\d+)$`, 'm').exec(text)?.[1]);
        expect(text).toContain('# TYPE society_hub_db_pool_connections gauge');
        expect(gauge('max')).toBe(3);
        expect(gauge('total')).toBeGreaterThanOrEqual(1);
        expect(gauge('total')).toBeLessThanOrEqual(3);
        expect(gauge('idle')).toBeLessThan(gauge('total'));
        // Requests queued for a connection: the scrape's own database gauges may wait on this small pool.
        expect(Number.isInteger(gauge('waiting'))).toBe(true);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
      await created.drop();
    }
  });
});
