// Checks what the test suite needs from the machine and says how to get what is missing, before
// a long run fails half-way with a less helpful message.
import { existsSync } from 'node:fs';
import { Socket } from 'node:net';

const problems = [];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19))
  problems.push(`Node.js ${process.versions.node} is too old: use 20.19 or newer (24 LTS recommended).`);

const databaseUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const reachable = await new Promise((resolve) => {
  const socket = new Socket();
  socket.setTimeout(2000);
  const settle = (ok) => {
    socket.destroy();
    resolve(ok);
  };
  socket.once('connect', () => settle(true));
  socket.once('timeout', () => settle(false));
  socket.once('error', () => settle(false));
  socket.connect(Number(databaseUrl.port || 5432), databaseUrl.hostname);
});
if (!reachable) {
  problems.push(
    `PostgreSQL is not answering at ${databaseUrl.host}. The API tests need a server with trust auth for user postgres (or set TEST_DATABASE_URL). On Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
  );
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium))
  problems.push(
    `No Chromium at ${chromium} for the browser tests: apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );

const onPath = (command) =>
  (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(`${dir}/${command}`));
if (!onPath('pdftotext'))
  problems.push('No pdftotext to read the official documents back: apt-get install -y poppler-utils.');

if (problems.length) {
  console.error(`The test suite cannot run yet:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
