import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

/**
 * scrypt with N=2^13, r=8, p=10: one of the parameter sets OWASP's Password Storage Cheat Sheet lists as
 * equal in strength (N=2^17/p=1, 2^16/2, 2^15/3, 2^14/5, 2^13/10). This one needs the least memory —
 * 8 MiB a hash instead of 32–128 — for about the same CPU (≈150 ms here), which keeps a burst of logins
 * from inflating the process (docs/benchmarks.md, the load section). Stored hashes carry their
 * parameters: older ones still verify, and are re-made with these at the next successful login.
 */
const N = 8192;
const R = 8;
const P = 10;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

/**
 * At most one hash per core at a time. Each takes its memory (8 MiB; 32 MiB for an older hash) and a
 * core for its whole run, so more at once finish no sooner — a burst of logins only multiplied the
 * process's memory (libuv runs four).
 */
const oneHashPerCore = pLimit(availableParallelism());

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return oneHashPerCore(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (err, key) =>
          err ? reject(err) : resolve(key),
        );
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface StoredHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** A stored `scrypt$N$r$p$salt$key`, or null when it is not one. */
function parseStoredHash(stored: string): StoredHash | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return null;
  return {
    n: Number(n),
    r: Number(r),
    p: Number(p),
    salt: Buffer.from(salt, 'base64'),
    key: Buffer.from(key, 'base64'),
  };
}

/** Whether a stored hash was made with other parameters than today's (it is then re-made at login). */
export function isOutdatedHash(stored: string): boolean {
  const parsed = parseStoredHash(stored);
  return parsed === null || parsed.n !== N || parsed.r !== R || parsed.p !== P;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.n, parsed.r, parsed.p);
  return actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
}

/**
 * A hash of a random password, verified against when the username is unknown so that the answer
 * takes as long as for a wrong password (no user enumeration by timing).
 */
export const decoyHash: Promise<string> = hashPassword(randomBytes(16).toString('hex'));
