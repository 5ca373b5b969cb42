import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildApp,
  connectPglite,
  connectPostgres,
  type DatabaseHandle,
  ensureAdmin,
  hashPassword,
  insertUser,
  loadConfig,
  migrateToLatest,
} from '@society-hub/api/testing';
import { type Role, withCreditCodeCheck } from '@society-hub/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { createTestDatabase } from './database';

export const ADMIN = { username: 'admin', password: 'admin-password-1' };
export const USER_PASSWORD = 'user-password-1';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** Logs in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** Creates a user directly (user administration arrives with its own API) and returns a token. */
  userToken(role: Role, societyIds?: string[]): Promise<string>;
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  /** A login attempt, whatever its outcome. */
  tryLogin(username: string, password: string): Promise<LightMyRequestResponse>;
  /** The client-credentials grant for a machine client. */
  tryClientToken(clientId: string, clientSecret: string, scope?: string): Promise<LightMyRequestResponse>;
  /** Registers a society as the given caller and returns its id. */
  createSociety(token: string, body?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

let userCounter = 0;
/** The hash of USER_PASSWORD, made once per test process: scrypt takes ~0.1 s a call by design. */
let userPasswordHash: Promise<string> | undefined;
function hashOfUserPassword(): Promise<string> {
  userPasswordHash ??= hashPassword(USER_PASSWORD);
  return userPasswordHash;
}

/** The API on a fresh database of the given kind, with an administrator. */
export async function startTestApp(
  kind: 'postgres' | 'pglite' = 'postgres',
  env: Record<string, string> = {},
): Promise<TestApp> {
  let dropDatabase = async () => {};
  let database: DatabaseHandle;
  if (kind === 'postgres') {
    const created = await createTestDatabase('sh_test', inject('templateDatabase') || undefined);
    dropDatabase = created.drop;
    database = connectPostgres(created.url, 5);
  } else {
    database = await connectPglite(null);
  }
  await migrateToLatest(database.db);
  await ensureAdmin(database.db, ADMIN.username, ADMIN.password);
  const config = loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    CONSOLE_DIR: '',
    RATE_LIMIT_PER_MINUTE: '100000',
    ACCOUNT_RATE_LIMIT_PER_MINUTE: '100000',
    // Webhook deliveries only where a test asks for them (WEBHOOK_WORKER: '1').
    WEBHOOK_WORKER: '0',
    MEMBER_DATA_KEY: randomBytes(32).toString('base64'),
    // Uploaded documents go to the data directory: one of its own per app, never the repository's ./data.
    DATA_DIR: mkdtempSync(join(tmpdir(), 'society-hub-test-')),
    ...env,
  });
  const app = await buildApp({ config, db: database.db, listen: database.listen });
  await app.ready();

  const request: TestApp['request'] = ({ token, headers, ...options }) =>
    app.inject({
      ...options,
      headers: { ...(headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  const tryLogin = (username: string, password: string) =>
    request({ method: 'POST', url: '/v1/auth/login', payload: { username, password } });
  const login = async (username: string, password = USER_PASSWORD) => {
    const response = await tryLogin(username, password);
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    return response.json<{ accessToken: string }>().accessToken;
  };

  return {
    app,
    database,
    login,
    request,
    tryLogin,
    tryClientToken: (clientId, clientSecret, scope) =>
      request({
        method: 'POST',
        url: '/v1/oauth/token',
        payload: {
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          ...(scope ? { scope } : {}),
        },
      }),
    async createSociety(token, body = {}) {
      const response = await request({
        method: 'POST',
        url: '/v1/societies',
        token,
        payload: {
          name: `市测试学会${Math.random().toString(36).slice(2, 8)}`,
          type: 'society',
          discipline: 'science',
          ...body,
        },
      });
      if (response.statusCode !== 201) throw new Error(`society not created: ${response.body}`);
      return response.json<{ id: string }>().id;
    },
    async userToken(role, societyIds = []) {
      userCounter += 1;
      const username = `${role}_${process.pid}_${userCounter}`;
      await insertUser(database.db, {
        username,
        passwordHash: await hashOfUserPassword(),
        role,
        societyIds,
      });
      return login(username);
    },
    async close() {
      await app.close();
      await database.close();
      await dropDatabase();
    },
  };
}

/** Valid social-organisation credit codes, distinct per call. */
let codeCounter = 0;
export function nextCreditCode(): string {
  codeCounter += 1;
  return withCreditCodeCheck(`51370800${`${process.pid % 1000}`.padStart(3, '0')}${`${codeCounter}`.padStart(6, '0')}`);
}
