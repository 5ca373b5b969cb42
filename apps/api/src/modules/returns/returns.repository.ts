import type { ReturnableResource } from '@society-hub/domain';
import type { Insertable, Selectable } from 'kysely';
import type { DB } from '../../db/connect';
import type { ReturnsTable } from '../../db/database';
import type { SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;
export type ReturnRow = Selectable<ReturnsTable>;

/** Every round of a record, oldest first. */
export async function roundsOf(db: Executor, resourceTypes: readonly ReturnableResource[], resourceId: string) {
  return db
    .selectFrom('returns')
    .selectAll()
    .where('resource_type', 'in', resourceTypes)
    .where('resource_id', '=', resourceId)
    .orderBy('returned_at')
    .orderBy('round')
    .execute();
}

/** The round still waiting for the record to be filed again, if any (at most one: a record is returned once at a time). */
export async function openRoundOf(db: Executor, resourceType: ReturnableResource, resourceId: string) {
  return db
    .selectFrom('returns')
    .selectAll()
    .where('resource_type', '=', resourceType)
    .where('resource_id', '=', resourceId)
    .where('resolved_at', 'is', null)
    .where('expired_at', 'is', null)
    .executeTakeFirst();
}

export async function lastRoundNumber(trx: Trx, resourceType: ReturnableResource, resourceId: string) {
  const row = await trx
    .selectFrom('returns')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('resource_type', '=', resourceType)
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return row?.round ?? 0;
}

export async function insertRound(trx: Trx, round: Insertable<ReturnsTable>) {
  return trx.insertInto('returns').values(round).returningAll().executeTakeFirstOrThrow();
}

export async function resolveRound(trx: Trx, id: string, at: Date) {
  await trx.updateTable('returns').set({ resolved_at: at }).where('id', '=', id).execute();
}

export async function expireRound(trx: Trx, id: string, at: Date) {
  await trx.updateTable('returns').set({ expired_at: at }).where('id', '=', id).execute();
}

/** Rounds of a kind still open after their deadline (`today` is later than the deadline). */
export async function overdueOpenRounds(db: Executor, resourceType: ReturnableResource, today: string) {
  return db
    .selectFrom('returns')
    .selectAll()
    .where('resource_type', '=', resourceType)
    .where('resolved_at', 'is', null)
    .where('expired_at', 'is', null)
    .where('deadline', '<', today)
    .orderBy('deadline')
    .execute();
}

/** Open rounds in the scope, with the society's name, soonest deadline first (reminders, dashboard). */
export async function openRoundsIn(db: Executor, scope: SocietyScope) {
  let query = db
    .selectFrom('returns')
    .innerJoin('societies', 'societies.id', 'returns.society_id')
    .leftJoin('annual_reports', 'annual_reports.id', 'returns.resource_id')
    .leftJoin('funding_applications', 'funding_applications.id', 'returns.resource_id')
    .selectAll('returns')
    .select([
      'societies.name as society_name',
      'annual_reports.year as report_year',
      'funding_applications.program_id',
      'funding_applications.title as application_title',
    ])
    .where('returns.resolved_at', 'is', null)
    .where('returns.expired_at', 'is', null);
  const reached = societiesReached(scope);
  if (reached) query = query.where('returns.society_id', 'in', reached);
  return query.orderBy('returns.deadline').orderBy('returns.id').execute();
}

/**
 * The same rounds, locked for applying their consequence; a round another sweep holds is skipped (it
 * is being expired already), so two readers at once never apply it twice.
 */
export async function lockOverdueOpenRounds(trx: Trx, resourceType: ReturnableResource, today: string) {
  return trx
    .selectFrom('returns')
    .selectAll()
    .where('resource_type', '=', resourceType)
    .where('resolved_at', 'is', null)
    .where('expired_at', 'is', null)
    .where('deadline', '<', today)
    .orderBy('deadline')
    .forUpdate()
    .skipLocked()
    .execute();
}
