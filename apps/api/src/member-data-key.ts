import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The personal-data key for a run without MEMBER_DATA_KEY: kept beside the embedded database in
 * DATA_DIR (readable by the owner only) so sealed values stay readable across restarts.
 */
export function ensureMemberDataKey(configured: string | null, dataDir: string): { key: string; generated: boolean } {
  if (configured) return { key: configured, generated: false };
  const file = resolve(dataDir, 'member-data.key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, generated: true };
}
