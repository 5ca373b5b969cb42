import type { AnnualReportStatus } from '@society-hub/domain';
import { type ExpressionBuilder, type Insertable, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { AnnualReportsTable, Database, InspectionsTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;
export type ReportRow = Selectable<AnnualReportsTable> & { society_name: string };
export type InspectionRow = Selectable<InspectionsTable>;

export const REPORT_SORTS: readonly SortSpec[] = [
  { name: '-updatedAt', column: 'annual_reports.updated_at', direction: 'desc' },
];

function reportsQuery(db: Executor) {
  return db
    .selectFrom('annual_reports')
    .innerJoin('societies', 'societies.id', 'annual_reports.society_id')
    .selectAll('annual_reports')
    .select('societies.name as society_name');
}

export async function listReports(
  db: Executor,
  scope: SocietyScope,
  filters: {
    societyId?: string;
    year?: number | undefined;
    status?: AnnualReportStatus | undefined;
    inspected?: boolean | undefined;
  },
  keyset: Keyset,
): Promise<{ rows: ReportRow[]; nextCursor: string | null }> {
  let query = reportsQuery(db);
  const reached = societiesReached(scope);
  if (reached) query = query.where('annual_reports.society_id', 'in', reached);
  if (filters.societyId) query = query.where('annual_reports.society_id', '=', filters.societyId);
  if (filters.year !== undefined) query = query.where('annual_reports.year', '=', filters.year);
  if (filters.status) query = query.where('annual_reports.status', '=', filters.status);
  if (filters.inspected !== undefined) {
    const inspected = (eb: ExpressionBuilder<Database, 'annual_reports' | 'societies'>) =>
      eb.exists(
        eb
          .selectFrom('inspections')
          .select('inspections.year')
          .whereRef('inspections.society_id', '=', 'annual_reports.society_id')
          .whereRef('inspections.year', '=', 'annual_reports.year'),
      );
    query = query.where((eb) => (filters.inspected ? inspected(eb) : eb.not(inspected(eb))));
  }
  return paginate(query, keyset, 'annual_reports.id');
}

export async function findReport(db: Executor, societyId: string, year: number, options: { forUpdate?: boolean } = {}) {
  let query = reportsQuery(db)
    .where('annual_reports.society_id', '=', societyId)
    .where('annual_reports.year', '=', year);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function latestSubmittedReport(db: Executor, societyId: string) {
  return reportsQuery(db)
    .where('annual_reports.society_id', '=', societyId)
    .where('annual_reports.status', '=', 'submitted')
    .orderBy('annual_reports.year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findInspection(
  db: Executor,
  societyId: string,
  year: number,
  options: { forUpdate?: boolean } = {},
) {
  let query = db.selectFrom('inspections').selectAll().where('society_id', '=', societyId).where('year', '=', year);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function inspectionsFor(db: Executor, societyIds: readonly string[]): Promise<InspectionRow[]> {
  if (societyIds.length === 0) return [];
  return db.selectFrom('inspections').selectAll().where('society_id', 'in', societyIds).execute();
}

export async function insertReport(trx: Trx, report: Insertable<AnnualReportsTable>) {
  await trx.insertInto('annual_reports').values(report).execute();
}

export async function updateReport(
  trx: Trx,
  id: string,
  changes: { content: string; status: AnnualReportStatus; submittedAt: Date | null; at: Date },
) {
  await trx
    .updateTable('annual_reports')
    .set((eb) => ({
      content: changes.content,
      status: changes.status,
      submitted_at: changes.submittedAt,
      version: eb('version', '+', 1),
      updated_at: changes.at,
    }))
    .where('id', '=', id)
    .execute();
}

/** A move of the report's lifecycle that changes nothing else (sending it back for correction). */
export async function setReportStatus(trx: Trx, id: string, status: AnnualReportStatus, at: Date) {
  await trx
    .updateTable('annual_reports')
    .set((eb) => ({ status, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

export interface InspectionRecord {
  result: InspectionRow['result'];
  comments: string | null;
  recordedBy: string;
  at: Date;
}

export async function updateInspection(trx: Trx, societyId: string, year: number, inspection: InspectionRecord) {
  await trx
    .updateTable('inspections')
    .set((eb) => ({
      result: inspection.result,
      comments: inspection.comments,
      recorded_by: inspection.recordedBy,
      recorded_at: inspection.at,
      version: eb('version', '+', 1),
    }))
    .where('society_id', '=', societyId)
    .where('year', '=', year)
    .execute();
}

export async function insertInspection(trx: Trx, societyId: string, year: number, inspection: InspectionRecord) {
  await trx
    .insertInto('inspections')
    .values({
      society_id: societyId,
      year,
      result: inspection.result,
      comments: inspection.comments,
      recorded_by: inspection.recordedBy,
      recorded_at: inspection.at,
    })
    .execute();
}

/** The scope's active and dormant societies by name, each with the day it last became dormant (if ever). */
export async function societiesWithDormancy(db: DB, scope: SocietyScope) {
  let query = db
    .selectFrom('societies')
    .select(['id', 'name', 'status'])
    .select((eb) =>
      eb
        .selectFrom('status_transitions')
        .select(sql<string>`to_char(max(at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`.as('since'))
        .where('status_transitions.resource_type', '=', 'society')
        .whereRef('status_transitions.resource_id', '=', 'societies.id')
        .where('to_status', '=', 'dormant')
        .as('dormant_since'),
    )
    .where('status', 'in', ['active', 'dormant']);
  const reached = societiesReached(scope);
  if (reached) query = query.where('id', 'in', reached);
  return query.orderBy('name').execute();
}
