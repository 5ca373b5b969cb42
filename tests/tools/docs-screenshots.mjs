// Takes the screenshots in docs/screenshots from the built product on the demo data set:
//   pnpm build && node tests/tools/docs-screenshots.mjs
// Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and Debian's /usr/bin/chromium, like the browser tests.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = (name) => `${root}docs/screenshots/${name}.png`;
const database = `sh_docs_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);

const port = 3900 + Math.floor(Math.random() * 90);
const server = spawn(process.execPath, ['apps/api/dist/server.js'], {
  cwd: root,
  env: {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'docs-admin-password',
    DEMO_DATA: '1',
    MEMBER_DATA_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  },
  stdio: 'inherit',
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${base}/readyz`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/login`);
  await page.getByLabel(/用户名/).fill('admin');
  await page.getByLabel(/密码/).fill('docs-admin-password');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${base}/societies`);
  await page.getByText('海川市').first().waitFor();
  await page.screenshot({ path: out('societies-list') });
  await page.getByText('海川市物理学会').click();
  await page.getByRole('tab', { name: '综合能力' }).click();
  await page.locator('canvas').first().waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: out('capacity'), fullPage: true });
  await page.getByRole('tab', { name: '治理体检' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: out('governance') });
  await browser.close();
  console.log('wrote docs/screenshots/{societies-list,capacity,governance}.png');
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
