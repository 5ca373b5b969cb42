import { type InspectionResult, localToday, type PilotStatus, pilotPerformance } from '@society-hub/domain';
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import type { PilotFunctionsTable, PilotMilestonesTable, PilotsTable } from '../../db/database';
import { errors } from '../../lib/errors';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { Principal } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { containsPattern } from '../../lib/sql';
import { storedJson } from '../../lib/stored-json';
import type { Trx } from '../../lib/write';
import { DeclaredQualificationSchema, type Pilot } from './pilots.schemas';

export type PilotRow = Selectable<PilotsTable> & { society_name: string; function_name: string };
export type MilestoneRow = Selectable<PilotMilestonesTable>;
export type FunctionRow = Selectable<PilotFunctionsTable>;

export const PILOT_SORTS: readonly SortSpec[] = [
  { name: '-createdAt', column: 'pilots.created_at', direction: 'desc' },
];

const readStrings = storedJson({}, Type.Array(Type.String()), 'string list');
const readQualifications = storedJson(
  { DeclaredQualification: DeclaredQualificationSchema },
  Type.Array(Type.Ref('DeclaredQualification')),
  'declared qualifications',
);

export { readStrings };

export function pilotQuery(db: DB | Trx) {
  return db
    .selectFrom('pilots')
    .innerJoin('societies', 'societies.id', 'pilots.society_id')
    .innerJoin('pilot_functions', 'pilot_functions.code', 'pilots.function_code')
    .selectAll('pilots')
    .select(['societies.name as society_name', 'pilot_functions.name as function_name']);
}

/**
 * Who sees which pilots: staff and auditors all; a society's people their own societies'; a
 * government department's client its department's (and, if also bound to societies, only theirs).
 */
type PilotQuery = ReturnType<typeof pilotQuery>;

export function scoped(query: PilotQuery, principal: Principal): PilotQuery {
  let q = query;
  const reached = societiesReached(principal.scope);
  if (reached) q = q.where('pilots.society_id', 'in', reached);
  if (principal.kind === 'client' && principal.department !== null) {
    q = q.where('pilots.department', '=', principal.department);
  }
  return q;
}

export async function findPilot(
  db: DB | Trx,
  principal: Principal,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PilotRow> {
  let q = scoped(pilotQuery(db).where('pilots.id', '=', id), principal);
  if (options.forUpdate) q = q.forUpdate('pilots');
  const row = await q.executeTakeFirst();
  if (!row) throw errors.notFound('Pilot');
  return row;
}

export async function milestonesOf(db: DB | Trx, pilotIds: readonly string[]): Promise<Map<string, MilestoneRow[]>> {
  const map = new Map<string, MilestoneRow[]>(pilotIds.map((id) => [id, []]));
  if (pilotIds.length === 0) return map;
  const rows = await db
    .selectFrom('pilot_milestones')
    .selectAll()
    .where('pilot_id', 'in', pilotIds)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  for (const row of rows) map.get(row.pilot_id)?.push(row);
  return map;
}

export function toPilot(row: PilotRow, milestones: readonly MilestoneRow[]): Pilot {
  return {
    id: row.id,
    societyId: row.society_id,
    societyName: row.society_name,
    functionCode: row.function_code,
    functionName: row.function_name,
    department: row.department,
    title: row.title,
    scope: row.scope,
    legalBasis: row.legal_basis,
    mode: row.mode,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    contractValueFen: row.contract_value_fen,
    deliverables: readStrings(row.deliverables),
    qualifications: readQualifications(row.qualifications),
    status: row.status,
    eligibilityOverride: row.eligibility_override,
    evaluation:
      row.satisfaction === null || row.evaluated_at === null
        ? null
        : {
            satisfaction: row.satisfaction,
            comments: row.evaluation_comments,
            evaluatedAt: row.evaluated_at.toISOString(),
            evaluatedBy: row.evaluated_by,
          },
    performance: pilotPerformance(
      milestones.map((m) => ({ dueOn: m.due_on, doneOn: m.done_on })),
      row.satisfaction,
      localToday(),
    ),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toMilestone(row: MilestoneRow) {
  return {
    id: row.id,
    pilotId: row.pilot_id,
    name: row.name,
    dueOn: row.due_on,
    doneOn: row.done_on,
    evidence: row.evidence,
    acceptedOn: row.accepted_on,
    acceptedBy: row.accepted_by,
    onTime: row.done_on === null ? null : row.done_on <= row.due_on,
    version: row.version,
  };
}

export function toFunction(row: FunctionRow) {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    description: row.description,
    requiresGrade3A: row.requires_grade_3a,
    requiredQualifications: readStrings(row.required_qualifications),
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Other pilots of the society that occupy it now (approved or under way). */
export async function concurrentPilots(
  db: DB | Trx,
  societyId: string,
  exceptId: string,
  active: readonly PilotStatus[],
) {
  const row = await db
    .selectFrom('pilots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('society_id', '=', societyId)
    .where('id', '<>', exceptId)
    .where('status', 'in', [...active])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface PilotFilters {
  status?: PilotStatus | undefined;
  functionCode?: string | undefined;
  societyId?: string | undefined;
  department?: string | undefined;
  q?: string | undefined;
}

export async function listPilots(db: DB | Trx, principal: Principal, filters: PilotFilters, keyset: Keyset) {
  let query = scoped(pilotQuery(db), principal);
  if (filters.status) query = query.where('pilots.status', '=', filters.status);
  if (filters.functionCode) query = query.where('pilots.function_code', '=', filters.functionCode);
  if (filters.societyId) query = query.where('pilots.society_id', '=', filters.societyId);
  if (filters.department) query = query.where('pilots.department', '=', filters.department);
  if (filters.q) {
    const pattern = containsPattern(filters.q.trim());
    query = query.where((eb) => eb.or([eb('pilots.title', 'ilike', pattern), eb('societies.name', 'ilike', pattern)]));
  }
  return paginate(query, keyset, 'pilots.id');
}

export async function insertPilot(trx: Trx, row: Insertable<PilotsTable>): Promise<void> {
  await trx.insertInto('pilots').values(row).execute();
}

export async function updatePilot(trx: Trx, id: string, changes: Updateable<PilotsTable>): Promise<void> {
  await trx
    .updateTable('pilots')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The society's inspection results by year, for eligibility. */
export async function inspectionResultsOf(db: DB | Trx, societyId: string): Promise<Record<number, InspectionResult>> {
  const rows = await db
    .selectFrom('inspections')
    .select(['year', 'result'])
    .where('society_id', '=', societyId)
    .execute();
  const byYear: Record<number, InspectionResult> = {};
  for (const row of rows) byYear[row.year] = row.result;
  return byYear;
}

// — the function catalogue —

export async function listFunctions(db: DB | Trx): Promise<FunctionRow[]> {
  return db.selectFrom('pilot_functions').selectAll().orderBy('position').execute();
}

export async function findFunction(
  db: DB | Trx,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<FunctionRow | undefined> {
  let query = db.selectFrom('pilot_functions').selectAll().where('code', '=', code);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** A function that already has this code or this name. */
export async function functionWithCodeOrName(db: DB | Trx, code: string, name: string) {
  return db
    .selectFrom('pilot_functions')
    .select(['code', 'name'])
    .where((eb) => eb.or([eb('code', '=', code), eb('name', '=', name)]))
    .executeTakeFirst();
}

export async function functionCodeWithName(db: DB | Trx, name: string): Promise<string | undefined> {
  const row = await db.selectFrom('pilot_functions').select('code').where('name', '=', name).executeTakeFirst();
  return row?.code;
}

/** The last position in the catalogue; 0 while it is empty. */
export async function lastFunctionPosition(db: DB | Trx): Promise<number> {
  const row = await db
    .selectFrom('pilot_functions')
    .select((eb) => eb.fn.max<number>('position').as('position'))
    .executeTakeFirstOrThrow();
  return Number(row.position ?? 0);
}

export async function insertFunction(trx: Trx, row: Insertable<PilotFunctionsTable>): Promise<void> {
  await trx.insertInto('pilot_functions').values(row).execute();
}

export async function updateFunction(trx: Trx, code: string, changes: Updateable<PilotFunctionsTable>): Promise<void> {
  await trx
    .updateTable('pilot_functions')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('code', '=', code)
    .execute();
}

// — milestones —

/** A milestone of the pilot, locked for a change. */
export async function lockMilestone(trx: Trx, pilotId: string, milestoneId: string): Promise<MilestoneRow | undefined> {
  return trx
    .selectFrom('pilot_milestones')
    .selectAll()
    .where('id', '=', milestoneId)
    .where('pilot_id', '=', pilotId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertMilestone(trx: Trx, row: Insertable<PilotMilestonesTable>): Promise<MilestoneRow> {
  return trx.insertInto('pilot_milestones').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateMilestone(
  trx: Trx,
  id: string,
  changes: Updateable<PilotMilestonesTable>,
): Promise<MilestoneRow> {
  return trx
    .updateTable('pilot_milestones')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
