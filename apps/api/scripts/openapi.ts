/**
 * Writes openapi.yaml at the repository root from the running app's route schemas, or with
 * `--check` fails when the committed file differs from what the code describes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { connectPglite } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';

const target = fileURLToPath(new URL('../../../openapi.yaml', import.meta.url));
const handle = await connectPglite(null);
await migrateToLatest(handle.db);
const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', CONSOLE_DIR: '' }), db: handle.db });
await app.ready();
const document = `# Generated from the API's route schemas by \`pnpm generate\`. Do not edit by hand.\n${stringify(app.swagger(), { lineWidth: 0, aliasDuplicateObjects: false })}`;
await app.close();
await handle.close();

if (process.argv.includes('--check')) {
  const committed = readFileSync(target, 'utf8');
  if (committed !== document) {
    console.error('openapi.yaml is stale: run `pnpm generate` and commit the result.');
    process.exit(1);
  }
  console.log('openapi.yaml is up to date');
} else {
  writeFileSync(target, document);
  console.log('wrote openapi.yaml');
}
