import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import { AppError } from '../../lib/errors';

export interface ThrottleLimits {
  /** Failures allowed per account (or client id) in one window. */
  perAccount: number;
  /** Failures allowed per address in one window. */
  perAddress: number;
  windowSeconds: number;
}

export interface ThrottleKeys {
  account: string;
  address: string;
}

/**
 * Counts failed logins per account and per address in the database, so every API process sees the
 * same counts. A locked key answers 429 before any password is checked, whether or not the account
 * exists, so the lock reveals nothing.
 */
export class LoginThrottle {
  constructor(
    private readonly db: DB,
    private readonly limits: ThrottleLimits,
  ) {}

  private keysWithLimits(keys: ThrottleKeys) {
    return [
      { key: `account:${keys.account.toLowerCase()}`, limit: this.limits.perAccount },
      { key: `address:${keys.address}`, limit: this.limits.perAddress },
    ];
  }

  async assertAllowed(keys: ThrottleKeys): Promise<void> {
    const windowStart = new Date(Date.now() - this.limits.windowSeconds * 1000);
    const checks = this.keysWithLimits(keys);
    const rows = await this.db
      .selectFrom('login_failures')
      .selectAll()
      .where(
        'key',
        'in',
        checks.map((c) => c.key),
      )
      .where('window_start', '>', windowStart)
      .execute();
    for (const row of rows) {
      const limit = checks.find((c) => c.key === row.key)?.limit ?? Number.POSITIVE_INFINITY;
      if (row.failures >= limit) {
        const retryAfter = Math.max(
          1,
          Math.ceil((row.window_start.getTime() + this.limits.windowSeconds * 1000 - Date.now()) / 1000),
        );
        throw new AppError(
          429,
          'rate_limited',
          `Too many failed attempts; try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
          {},
          { 'retry-after': String(retryAfter) },
        );
      }
    }
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    const now = new Date();
    const windowStart = new Date(now.getTime() - this.limits.windowSeconds * 1000);
    for (const { key } of this.keysWithLimits(keys)) {
      await this.db
        .insertInto('login_failures')
        .values({ key, window_start: now, failures: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql`CASE WHEN login_failures.window_start <= ${windowStart} THEN 1 ELSE login_failures.failures + 1 END`,
            window_start: sql`CASE WHEN login_failures.window_start <= ${windowStart} THEN ${now} ELSE login_failures.window_start END`,
          }),
        )
        .execute();
    }
  }

  /** A successful login clears the account's count (the address's count stays: it may be guessing many accounts). */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key', '=', `account:${keys.account.toLowerCase()}`).execute();
  }
}
