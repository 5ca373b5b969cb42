import { isIPv6 } from 'node:net';
import type { DB } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { inTransaction } from '../../lib/write';
import * as repo from './login-throttle.repository';

export interface ThrottleLimits {
  /** Failures allowed for one account (or client id) from one address before that pair is locked. */
  perAccountAndAddress: number;
  /**
   * Failures allowed for one account from all addresses together: far above the pair's limit, so that
   * a guesser at one address cannot lock the owner out (they sign in from theirs), while guessing from
   * many addresses is still capped (OWASP ASVS V2.2.1).
   */
  perAccount: number;
  /** Failures allowed from one address across every account (guessing many accounts). */
  perAddress: number;
  /** Failures are counted in windows of this length; the first lockout of a key lasts as long. */
  windowSeconds: number;
  /** Each further lockout of a key lasts twice the previous one, up to this. */
  maxLockSeconds: number;
}

export interface ThrottleKeys {
  account: string;
  address: string;
}

/** A key's lockouts are forgotten after a day without failures. */
const FORGET_LOCKOUTS_MS = 24 * 60 * 60 * 1000;

/**
 * An address as counted: IPv4 (also IPv4-mapped IPv6) as is, IPv6 by its /64 network — one host
 * usually holds a whole /64, so counting single IPv6 addresses would give a guesser endless fresh ones.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = address.includes('::') ? 8 - headGroups.length - tailGroups.length : 0;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts failed sign-ins (and token requests) in the database, so every API process sees the same
 * counts, under three keys: the account from this address, the account from everywhere, and the
 * address. A key that reaches its limit is locked, for `windowSeconds` the first time and twice as
 * long each further time (exponential backoff). A locked key answers 429 before any password is
 * checked, whether or not the account exists, so the lock reveals nothing. Five wrong passwords from
 * one address therefore lock that address out of that account only: the owner elsewhere still signs in.
 */
export class LoginThrottle {
  constructor(
    private readonly db: DB,
    private readonly limits: ThrottleLimits,
  ) {}

  private keysWithLimits(keys: ThrottleKeys) {
    const account = keys.account.toLowerCase();
    const address = addressKey(keys.address);
    return [
      { key: `pair:${account}|${address}`, limit: this.limits.perAccountAndAddress },
      { key: `account:${account}`, limit: this.limits.perAccount },
      { key: `address:${address}`, limit: this.limits.perAddress },
    ].sort((a, b) => a.key.localeCompare(b.key));
  }

  async assertAllowed(keys: ThrottleKeys): Promise<void> {
    const now = Date.now();
    const locks = await repo.locksInForce(
      this.db,
      this.keysWithLimits(keys).map((c) => c.key),
      new Date(now),
    );
    const until = Math.max(0, ...locks.map((lock) => lock.getTime()));
    if (until > now) {
      const retryAfter = Math.max(1, Math.ceil((until - now) / 1000));
      throw new AppError(
        429,
        'rate_limited',
        `Too many failed attempts; try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        {},
        { 'retry-after': String(retryAfter) },
      );
    }
  }

  /** Counts a failure under each key, locking those that reach their limit (in one transaction, keys in order). */
  async recordFailure(keys: ThrottleKeys): Promise<void> {
    const now = new Date();
    await inTransaction(this.db, async (trx) => {
      for (const { key, limit } of this.keysWithLimits(keys)) {
        const row = await repo.lockCounter(trx, key, now);
        const windowOver = row.window_start.getTime() <= now.getTime() - this.limits.windowSeconds * 1000;
        const quietLongEnough = row.window_start.getTime() <= now.getTime() - FORGET_LOCKOUTS_MS;
        let failures = (windowOver ? 0 : row.failures) + 1;
        let lockouts = quietLongEnough ? 0 : row.lockouts;
        let windowStart = windowOver ? now : row.window_start;
        let lockedUntil = row.locked_until;
        if (failures >= limit) {
          lockouts += 1;
          const seconds = Math.min(this.limits.windowSeconds * 2 ** (lockouts - 1), this.limits.maxLockSeconds);
          lockedUntil = new Date(now.getTime() + seconds * 1000);
          // After the lock, the key gets a fresh window (and a lock twice as long if it is used up again).
          failures = 0;
          windowStart = lockedUntil;
        }
        await repo.saveCounter(trx, key, { failures, lockouts, window_start: windowStart, locked_until: lockedUntil });
      }
    });
  }

  /**
   * Removes keys without a failure for a day and no lock in force: their lockouts are forgotten then
   * anyway, and keys per account and address would otherwise pile up.
   */
  async purgeForgotten(): Promise<void> {
    const now = new Date();
    await repo.deleteQuietCounters(this.db, new Date(now.getTime() - FORGET_LOCKOUTS_MS), now);
  }

  /**
   * A success clears the count of this account from this address (the owner's own typos). The
   * account's count from everywhere and the address's stay: signing in now and then must not let a
   * guesser elsewhere go on, nor one address guessing many accounts.
   */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    const pair = this.keysWithLimits(keys).find((k) => k.key.startsWith('pair:'));
    if (pair) await repo.deleteCounter(this.db, pair.key);
  }
}
