import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database';
import { PRODUCTION_RUNTIME_ENV, REPO_ROOT, type ServerProcess, startServerProcess } from '../support/server-process';

/** The server as `pnpm start` runs it: the bundled build, a real port, real signals. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let server: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase('sh_proc');
  server = await startServerProcess({ DATABASE_URL: database.url });
});
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await database?.drop();
});

describe('the server process', () => {
  it('creates the first administrator with a generated password and prints it once', async () => {
    const match = /administrator "admin" with password (\S+)/.exec(server.output());
    expect(match?.[1]).toBeTruthy();
    const login = await fetch(`${server.baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: match?.[1] }),
    });
    expect(login.status).toBe(200);
  });

  it('serves the console with deep links falling back to index.html', async () => {
    const deepLink = await fetch(`${server.baseUrl}/societies/anything`, { headers: { accept: 'text/html' } });
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<div id="root">');
    const api404 = await fetch(`${server.baseUrl}/v1/nothing`, { headers: { accept: 'text/html' } });
    expect(api404.status).toBe(404);
    expect(api404.headers.get('content-type')).toContain('application/problem+json');
  });

  it('finishes an in-flight request on SIGTERM, refuses new ones, then exits cleanly', async () => {
    const password = /administrator "admin" with password (\S+)/.exec(server.output())?.[1] ?? '';
    const body = JSON.stringify({ username: 'admin', password });
    const { port } = new URL(server.baseUrl);
    // A login whose body is still arriving when the signal comes: the server is in the middle of it.
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/auth/login',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    expect(await answer).toBe(200);
    expect(await server.exited).toBe(0);
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
  });
});

describe('the production image', () => {
  it('gives the server the memory settings the tests and benchmarks run it with', () => {
    const dockerfile = readFileSync(`${REPO_ROOT}/docker/Dockerfile`, 'utf8');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const settings = new Map(
      [...finalStage.matchAll(/^ENV (.+)$/gm)].flatMap((line) =>
        [...(line[1] ?? '').matchAll(/(\w+)=(\S+)/g)].map((pair) => [pair[1], pair[2]]),
      ),
    );
    for (const [name, value] of Object.entries(PRODUCTION_RUNTIME_ENV)) expect(settings.get(name), name).toBe(value);
  });
});
