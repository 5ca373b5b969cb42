import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';

/** When the soonest of these keys is locked until, among the locks still in force at `now`. */
export async function locksInForce(db: DB, keys: readonly string[], now: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .execute();
  return rows.flatMap((row) => (row.locked_until ? [row.locked_until] : []));
}

/** A key's counter, created at zero if new, locked for this transaction's update. */
export async function lockCounter(trx: Trx, key: string, now: Date) {
  await trx
    .insertInto('login_failures')
    .values({ key, window_start: now, failures: 0 })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return trx.selectFrom('login_failures').selectAll().where('key', '=', key).forUpdate().executeTakeFirstOrThrow();
}

export async function saveCounter(
  trx: Trx,
  key: string,
  counter: { failures: number; lockouts: number; window_start: Date; locked_until: Date | null },
): Promise<void> {
  await trx.updateTable('login_failures').set(counter).where('key', '=', key).execute();
}

/** Removes counters quiet since `quietSince` and not locked at `now`. */
export async function deleteQuietCounters(db: DB, quietSince: Date, now: Date): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('window_start', '<', quietSince)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
}

export async function deleteCounter(db: DB, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}
