import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';

/**
 * scrypt with N=2^15, r=8, p=1 (≈32 MiB, tens of ms). Below OWASP's current minimum (N=2^17, or its
 * equal N=2^15 with p=3); raising P to 3 triples each login's CPU and is a deliberate decision still to
 * take. Stored hashes carry their parameters, so raising them later needs no migration.
 */
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

/**
 * At most one hash per core at a time. Each takes 32 MiB and a core for its whole run, so more at once
 * finish no sooner — a burst of logins only multiplied the process's memory (libuv runs four).
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

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password, verified against when the username is unknown so that the answer
 * takes as long as for a wrong password (no user enumeration by timing).
 */
export const decoyHash: Promise<string> = hashPassword(randomBytes(16).toString('hex'));
