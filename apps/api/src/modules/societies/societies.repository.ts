import type { Discipline, InspectionResult, PartyOrganisation, SocietyStatus, SocietyType } from '@society-hub/domain';
import { type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { Database, NewSocietyRow, SocietyRow, SocietyRowUpdate } from '../../db/database';
import { errors, type FieldError } from '../../lib/errors';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { SocietyScope } from '../../lib/request-context';
import { inScope, societiesReached } from '../../lib/society-scope';
import { containsPattern } from '../../lib/sql';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;

export const SOCIETY_SORTS: readonly SortSpec[] = [
  { name: '-createdAt', column: 'created_at', direction: 'desc' },
  { name: 'createdAt', column: 'created_at', direction: 'asc' },
  { name: 'name', column: 'name', direction: 'asc' },
  { name: '-updatedAt', column: 'updated_at', direction: 'desc' },
];

/**
 * Whether a society owes the annual report — and so takes the inspection — of `year`: it is on the
 * registry (active or dormant) and was founded (or, without a founding date, entered) by the end of
 * that year. One rule for the dashboard's inspection figures, the annual-report reminders and the
 * registry's filters, so a figure and the list behind it always count the same societies.
 */
export function owesAnnualReport(societyAlias: string, year: number | RawBuilder<number>): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(`${societyAlias}.${name}`);
  const yearValue = typeof year === 'number' ? sql`${year}::int` : year;
  return sql<SqlBool>`(${column('status')} IN ('active', 'dormant')
    AND coalesce(${column('founded_on')}, (${column('created_at')} AT TIME ZONE 'Asia/Shanghai')::date)
      <= make_date(${yearValue}, 12, 31))`;
}

export interface SocietyFilters {
  status?: SocietyStatus | undefined;
  type?: SocietyType | undefined;
  discipline?: Discipline | undefined;
  q?: string | undefined;
  tier?: string | undefined;
  partyOrganisation?: PartyOrganisation | undefined;
  inspectionYear?: number | undefined;
  inspectionResult?: InspectionResult | 'not_recorded' | undefined;
  annualReportMissing?: number | undefined;
}

export async function listSocieties(db: Executor, scope: SocietyScope, filters: SocietyFilters, keyset: Keyset) {
  let query = db.selectFrom('societies').selectAll();
  const reached = societiesReached(scope);
  if (reached) query = query.where('id', 'in', reached);
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.type) query = query.where('type', '=', filters.type);
  if (filters.discipline) query = query.where('discipline', '=', filters.discipline);
  if (filters.tier) {
    const tier = filters.tier;
    // The tier of the society's latest yearly snapshot of the capacity index; none = never assessed.
    query = query.where((eb) =>
      eb(
        eb.fn.coalesce(
          eb
            .selectFrom('capacity_snapshots')
            .select('capacity_snapshots.tier')
            .whereRef('capacity_snapshots.society_id', '=', 'societies.id')
            .orderBy('capacity_snapshots.year', 'desc')
            .limit(1),
          sql.lit('none'),
        ),
        '=',
        tier,
      ),
    );
  }
  if (filters.partyOrganisation) query = query.where('party_organisation', '=', filters.partyOrganisation);
  const { inspectionYear, inspectionResult } = filters;
  if (inspectionYear !== undefined && inspectionResult !== undefined) {
    const recorded = (eb: ExpressionBuilder<Database, 'societies'>) =>
      eb
        .selectFrom('inspections')
        .select('inspections.society_id')
        .whereRef('inspections.society_id', '=', 'societies.id')
        .where('inspections.year', '=', inspectionYear);
    // Not recorded: societies that owed the inspection, as the dashboard counts them — not a society
    // still preparing, gone, or founded after that year, which had nothing to record.
    query =
      inspectionResult === 'not_recorded'
        ? query.where((eb) => eb.and([owesAnnualReport('societies', inspectionYear), eb.not(eb.exists(recorded(eb)))]))
        : query.where((eb) => eb.exists(recorded(eb).where('inspections.result', '=', inspectionResult)));
  }
  const reportYear = filters.annualReportMissing;
  if (reportYear !== undefined) {
    query = query.where((eb) =>
      eb.and([
        owesAnnualReport('societies', reportYear),
        eb.not(
          eb.exists(
            eb
              .selectFrom('annual_reports')
              .select('annual_reports.id')
              .whereRef('annual_reports.society_id', '=', 'societies.id')
              .where('annual_reports.year', '=', reportYear)
              .where('annual_reports.status', '=', 'submitted'),
          ),
        ),
      ]),
    );
  }
  if (filters.q) {
    const pattern = containsPattern(filters.q.trim());
    query = query.where((eb) =>
      eb.or([eb('name', 'ilike', pattern), eb('name_en', 'ilike', pattern), eb('credit_code', 'ilike', pattern)]),
    );
  }
  return paginate(query, keyset, 'id');
}

/** A society the caller may see, optionally locked for a change; undefined when absent or out of scope. */
export async function findSociety(
  db: Executor,
  scope: SocietyScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SocietyRow | undefined> {
  if (!inScope(scope, id)) return undefined;
  let query = db.selectFrom('societies').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The society if the caller may reach it, else 404: the scope check every society sub-resource starts with. */
export async function requireSociety(
  db: Executor,
  scope: SocietyScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SocietyRow> {
  const society = await findSociety(db, scope, id, options);
  if (!society) throw errors.notFound('Society');
  return society;
}

/**
 * The society ids a body names, checked against the registry and the caller's scope: an id the caller
 * cannot reach is refused exactly as one that does not exist (422 `unknown_society` at `path`), so a
 * bound caller can neither act for another society nor learn which ids exist.
 */
export async function requireReachableSocieties(
  db: Executor,
  scope: SocietyScope,
  ids: readonly string[],
  path: string,
): Promise<void> {
  const unknown = await unreachableSocieties(db, scope, ids, path);
  if (unknown.length) throw errors.validation(unknown);
}

/** The field errors `requireReachableSocieties` would throw, for callers that gather several checks. */
export async function unreachableSocieties(
  db: Executor,
  scope: SocietyScope,
  ids: readonly string[],
  path: string,
): Promise<FieldError[]> {
  const reachable = ids.filter((id) => inScope(scope, id));
  const known = reachable.length
    ? (await db.selectFrom('societies').select('id').where('id', 'in', reachable).execute()).map((r) => r.id)
    : [];
  return [...new Set(ids)]
    .filter((id) => !known.includes(id))
    .map((id) => ({ path, code: 'unknown_society', message: `No society has the id ${id}.` }));
}

export async function findSocietyIdByCreditCode(db: Executor, creditCode: string): Promise<string | undefined> {
  const row = await db.selectFrom('societies').select('id').where('credit_code', '=', creditCode).executeTakeFirst();
  return row?.id;
}

export async function insertSociety(trx: Trx, row: NewSocietyRow): Promise<SocietyRow> {
  return trx.insertInto('societies').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateSociety(trx: Trx, id: string, changes: SocietyRowUpdate): Promise<SocietyRow> {
  return trx
    .updateTable('societies')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteSociety(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('societies').where('id', '=', id).execute();
}

/** Records that depend on a society and would be orphaned by deleting it. */
export async function countDependants(trx: Trx, id: string): Promise<number> {
  const row = await trx
    .selectFrom('user_societies')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('society_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export const TRANSITION_SORTS: readonly SortSpec[] = [{ name: '-at', column: 'at', direction: 'desc' }];
