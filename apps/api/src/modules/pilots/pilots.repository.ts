import { localToday, type PilotStatus, pilotPerformance } from '@society-hub/domain';
import type { Selectable } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import type { PilotFunctionsTable, PilotMilestonesTable, PilotsTable } from '../../db/database';
import { errors } from '../../lib/errors';
import type { Principal } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { storedJson } from '../../lib/stored-json';
import type { Trx } from '../../lib/write';
import { DeclaredQualificationSchema, type Pilot } from './pilots.schemas';

export type PilotRow = Selectable<PilotsTable> & { society_name: string; function_name: string };
export type MilestoneRow = Selectable<PilotMilestonesTable>;
export type FunctionRow = Selectable<PilotFunctionsTable>;

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
