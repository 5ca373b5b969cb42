import type { ActivityKind } from '@society-hub/domain';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/connect';
import type { ActivitiesTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import { containsPattern } from '../../lib/sql';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;
export type ActivityRow = Selectable<ActivitiesTable>;
export type NewActivityRow = Insertable<ActivitiesTable>;
export type ActivityRowUpdate = Updateable<ActivitiesTable>;

export const ACTIVITY_SORTS: readonly SortSpec[] = [
  { name: '-startOn', column: 'start_on', direction: 'desc' },
  { name: '-createdAt', column: 'created_at', direction: 'desc' },
];

/** A half-open range of start dates, [from, before). */
export interface Period {
  from: string;
  before: string;
}

export interface ActivityFilters {
  kind?: ActivityKind | undefined;
  period?: Period | undefined;
  /** A calendar month in any year, when no year narrows the period. */
  monthOfAnyYear?: number | undefined;
  published?: boolean | undefined;
  q?: string | undefined;
}

export async function listActivities(db: Executor, societyId: string, filters: ActivityFilters, keyset: Keyset) {
  let query = db.selectFrom('activities').selectAll().where('society_id', '=', societyId);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.period) {
    query = query.where('start_on', '>=', filters.period.from).where('start_on', '<', filters.period.before);
  }
  if (filters.monthOfAnyYear !== undefined) {
    query = query.where(sql<number>`extract(month FROM start_on)::int`, '=', filters.monthOfAnyYear);
  }
  if (filters.published !== undefined) query = query.where('published', '=', filters.published);
  if (filters.q) {
    const pattern = containsPattern(filters.q.trim());
    query = query.where((eb) =>
      eb.or([eb('title', 'ilike', pattern), eb('place', 'ilike', pattern), eb('organisers', 'ilike', pattern)]),
    );
  }
  return paginate(query, keyset, 'id');
}

/** An activity by id, whatever its society (the caller checks the scope), optionally locked for a change. */
export async function findActivity(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ActivityRow | undefined> {
  let query = db.selectFrom('activities').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The activity of the society holding this external reference. */
export async function activityIdWithExternalRef(
  db: Executor,
  societyId: string,
  externalRef: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('activities')
    .select('id')
    .where('society_id', '=', societyId)
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  return row?.id;
}

/**
 * The activity an imported row matches, locked: by external reference when the row has one, else the
 * society's activity without a reference of the same title starting the same day (a sheet without
 * references imported twice matches itself).
 */
export async function lockImportMatch(
  trx: Trx,
  societyId: string,
  keys: { externalRef: string | null; title: string; startOn: string },
): Promise<ActivityRow | undefined> {
  let query = trx.selectFrom('activities').selectAll().where('society_id', '=', societyId);
  if (keys.externalRef) query = query.where('external_ref', '=', keys.externalRef);
  else {
    query = query
      .where('external_ref', 'is', null)
      .where('title', '=', keys.title)
      .where('start_on', '=', keys.startOn);
  }
  return query.orderBy('id').limit(1).forUpdate().executeTakeFirst();
}

export async function insertActivity(trx: Trx, row: NewActivityRow): Promise<ActivityRow> {
  return trx.insertInto('activities').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateActivity(trx: Trx, id: string, changes: ActivityRowUpdate): Promise<ActivityRow> {
  return trx
    .updateTable('activities')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteActivity(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('activities').where('id', '=', id).execute();
}

/** Which held activities a statistic counts: a period, and the societies (null: every society). */
export interface TotalsScope {
  period: Period;
  societyIds: readonly string[] | null;
}

function heldIn(db: Executor, scope: TotalsScope) {
  let query = db
    .selectFrom('activities')
    .where('activities.held', '=', true)
    .where('activities.start_on', '>=', scope.period.from)
    .where('activities.start_on', '<', scope.period.before);
  if (scope.societyIds) query = query.where('activities.society_id', 'in', scope.societyIds);
  return query;
}

// Sums are bigint in PostgreSQL (a city's audience over a year can pass 2^31): read as text.
const ACTIVITY_COUNT = sql<number>`count(*)::int`;
const PARTICIPANT_SUM = sql<string>`coalesce(sum(activities.participants), 0)::bigint::text`;

/** Held activities by kind: how many, how many took part, how many advisory reports had an outcome. */
export async function totalsByKind(db: Executor, scope: TotalsScope) {
  return heldIn(db, scope)
    .select([
      'activities.kind',
      ACTIVITY_COUNT.as('activities'),
      PARTICIPANT_SUM.as('participants'),
      sql<number>`count(activities.outcome)::int`.as('with_outcome'),
    ])
    .groupBy('activities.kind')
    .orderBy('activities.kind')
    .execute();
}

/** Held activities by the month they started in (YYYY-MM). */
export async function totalsByMonth(db: Executor, scope: TotalsScope) {
  const month = sql<string>`to_char(activities.start_on, 'YYYY-MM')`;
  return heldIn(db, scope)
    .select([month.as('month'), ACTIVITY_COUNT.as('activities'), PARTICIPANT_SUM.as('participants')])
    .groupBy(month)
    .orderBy(month)
    .execute();
}

/** Held activities by society, the most active first. */
export async function totalsBySociety(db: Executor, scope: TotalsScope) {
  return heldIn(db, scope)
    .innerJoin('societies', 'societies.id', 'activities.society_id')
    .select([
      'activities.society_id',
      'societies.name as society_name',
      ACTIVITY_COUNT.as('activities'),
      PARTICIPANT_SUM.as('participants'),
    ])
    .groupBy(['activities.society_id', 'societies.name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('societies.name')
    .execute();
}

/** What the public page shows of a society's published activities, newest first. */
export async function recentPublished(db: Executor, societyId: string, limit: number) {
  return db
    .selectFrom('activities')
    .select(['id', 'kind', 'title', 'start_on', 'end_on', 'held', 'place', 'online', 'organisers', 'participants'])
    .where('society_id', '=', societyId)
    .where('published', '=', true)
    .orderBy('start_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
