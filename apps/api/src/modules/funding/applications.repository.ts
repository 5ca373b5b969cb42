import type { ApplicationStatus, InspectionResult, SocietyStatus } from '@society-hub/domain';
import { type Insertable, sql, type Updateable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { FundingApplicationRow, FundingApplicationsTable } from '../../db/database';
import { APPLICATION } from '../../lib/lifecycles';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { Actor, SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { containsPattern } from '../../lib/sql';
import type { Trx } from '../../lib/write';
import { type ApplicationRowWithSociety, applicationQuery } from './funding.repository';

type Executor = DB | Trx;

export const APPLICATION_SORTS: readonly SortSpec[] = [
  { name: 'createdAt', column: 'funding_applications.created_at', direction: 'asc' },
];

export interface ApplicationFilters {
  status?: ApplicationStatus | undefined;
  categoryCode?: string | undefined;
  societyId?: string | undefined;
  q?: string | undefined;
}

/** A program's applications the scope reaches. */
export async function listApplications(
  db: Executor,
  scope: SocietyScope,
  programId: string,
  filters: ApplicationFilters,
  keyset: Keyset,
) {
  let query = applicationQuery(db).where('funding_applications.program_id', '=', programId);
  const reached = societiesReached(scope);
  if (reached) query = query.where('funding_applications.society_id', 'in', reached);
  if (filters.status) query = query.where('funding_applications.status', '=', filters.status);
  if (filters.categoryCode) query = query.where('funding_applications.category_code', '=', filters.categoryCode);
  if (filters.societyId) query = query.where('funding_applications.society_id', '=', filters.societyId);
  if (filters.q) query = query.where('funding_applications.title', 'ilike', containsPattern(filters.q));
  return paginate(query, keyset, 'funding_applications.id');
}

/** Whether the reviewer (a user) holds a live assignment (assigned or submitted) to the application. */
export async function reviewerAssigned(db: Executor, userId: string, applicationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('review_assignments')
    .innerJoin('users', 'users.expert_id', 'review_assignments.expert_id')
    .select('review_assignments.id')
    .where('users.id', '=', userId)
    .where('review_assignments.application_id', '=', applicationId)
    .where('review_assignments.status', 'in', ['assigned', 'submitted'])
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertApplication(
  trx: Trx,
  row: Insertable<FundingApplicationsTable>,
): Promise<FundingApplicationRow> {
  return trx.insertInto('funding_applications').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateApplication(
  trx: Trx,
  id: string,
  changes: Updateable<FundingApplicationsTable>,
): Promise<FundingApplicationRow> {
  return trx
    .updateTable('funding_applications')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A fresh screening result, kept without a new version: the application itself has not changed. */
export async function saveScreening(trx: Trx, id: string, screening: string): Promise<void> {
  await trx
    .updateTable('funding_applications')
    .set({ screening, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** What 形式审查 reads of the world beyond the application. */
export interface ScreeningFacts {
  societyStatus: SocietyStatus;
  /** The society's inspection result of `inspectionYear`; null when none is recorded. */
  inspection: InspectionResult | null;
  /** The society's other applications to the program in the same category, drafts and withdrawals aside. */
  othersInCategory: number;
}

export async function screeningFacts(
  db: Executor,
  application: Pick<FundingApplicationRow, 'id' | 'program_id' | 'society_id' | 'category_code'>,
  inspectionYear: number,
): Promise<ScreeningFacts> {
  const society = await db
    .selectFrom('societies')
    .select('status')
    .where('id', '=', application.society_id)
    .executeTakeFirstOrThrow();
  const inspection = await db
    .selectFrom('inspections')
    .select('result')
    .where('society_id', '=', application.society_id)
    .where('year', '=', inspectionYear)
    .executeTakeFirst();
  const others = await db
    .selectFrom('funding_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', application.program_id)
    .where('society_id', '=', application.society_id)
    .where('category_code', '=', application.category_code)
    .where('status', 'not in', ['draft', 'withdrawn'])
    .where('id', '!=', application.id)
    .executeTakeFirstOrThrow();
  return { societyStatus: society.status, inspection: inspection?.result ?? null, othersInCategory: Number(others.n) };
}

/** A program's applications in one status, whole (with the society's name), locked, in id order. */
export async function lockApplicationsInStatus(
  trx: Trx,
  programId: string,
  status: ApplicationStatus,
): Promise<ApplicationRowWithSociety[]> {
  return applicationQuery(trx)
    .where('funding_applications.program_id', '=', programId)
    .where('funding_applications.status', '=', status)
    .orderBy('funding_applications.id')
    .forUpdate('funding_applications')
    .execute();
}

/**
 * The same, lean: only what a move and its messages need. Closing review, the notice and finalising
 * move thousands and need none of the bulky JSON (budget lines, screening, attachments).
 */
export async function lockLeanApplicationsInStatus(trx: Trx, programId: string, status: ApplicationStatus) {
  return trx
    .selectFrom('funding_applications')
    .select(['id', 'status', 'version', 'society_id', 'title'])
    .where('program_id', '=', programId)
    .where('status', '=', status)
    .orderBy('id')
    .forUpdate()
    .execute();
}

// — the bulk move: every application move, one at a time or a program's thousands, is this statement —

type ExtraColumns = Pick<
  Updateable<FundingApplicationsTable>,
  | 'submitted_at'
  | 'score'
  | 'first_criterion'
  | 'score_explanation'
  | 'allocated_fen'
  | 'screening'
  | 'decision'
  | 'final_report'
>;

/**
 * What a move needs to know of the application it moves. The status and version are those the mover
 * read: the write only lands on a row that still has them.
 */
export type MovedRow = Pick<FundingApplicationRow, 'id' | 'status' | 'version' | 'society_id'>;

export interface Move {
  row: MovedRow;
  to: ApplicationStatus;
  reason: string;
  /** Columns that change with the status (a screening result, a score, a decision). */
  set?: ExtraColumns;
}

/** The columns the audit summary needs, which is all a move reads back. */
const SUMMARY_COLUMNS = [
  'id',
  'program_id',
  'society_id',
  'category_code',
  'title',
  'requested_fen',
  'status',
  'score',
  'allocated_fen',
] as const;
export type SummaryRow = Pick<FundingApplicationRow, (typeof SUMMARY_COLUMNS)[number]>;

/** Columns a move may set besides the status; a key absent from a move keeps the column as it is. */
const EXTRA_COLUMNS = {
  submitted_at: 'timestamptz',
  score: 'float8',
  first_criterion: 'float8',
  score_explanation: 'text',
  allocated_fen: 'bigint',
  screening: 'jsonb',
  decision: 'jsonb',
  final_report: 'jsonb',
} as const satisfies Record<keyof ExtraColumns, string>;

/**
 * Every move in ONE statement, its transition history included: a program transition or an
 * allocation decides thousands of applications, and one UPDATE per row was most of their time
 * (docs/benchmarks.md). The moves travel as one JSON parameter, as in `insertMany`; column names come
 * from the map above, never from input, and only the columns some move sets are assigned at all.
 * A row is only written while it still has the status and version the mover read (compare-and-set),
 * so a change committed in between is never overwritten: fewer rows come back, and no history is
 * written for the rows left alone.
 */
export async function updateStatuses(trx: Trx, actor: Actor, moves: readonly Move[], at: Date): Promise<SummaryRow[]> {
  const columns = Object.keys(EXTRA_COLUMNS) as (keyof ExtraColumns)[];
  const used = new Map<keyof ExtraColumns, number>();
  const payload = moves.map(({ row, to, reason, set }) => {
    const entry: Record<string, unknown> = {
      id: row.id,
      status: to,
      from: row.status,
      version: row.version,
      reason,
      transition: uuidv7(),
    };
    // A jsonb column's value is JSON text already (a decision, a screening): it is spliced in as
    // JSON, not escaped into a string for PostgreSQL to parse twice (as `insertMany` does).
    let spliced = '';
    for (const column of columns) {
      const value: unknown = set?.[column];
      if (value === undefined) continue;
      used.set(column, (used.get(column) ?? 0) + 1);
      if (EXTRA_COLUMNS[column] === 'jsonb' && typeof value === 'string') spliced += `,"${column}":${value}`;
      else entry[column] = value instanceof Date ? value.toISOString() : value;
    }
    return spliced ? `${JSON.stringify(entry).slice(0, -1)}${spliced}}` : JSON.stringify(entry);
  });
  const assignments = [...used].map(([column, count]) => {
    const value =
      EXTRA_COLUMNS[column] === 'jsonb'
        ? `NULLIF(m->'${column}', 'null'::jsonb)`
        : `(m->>'${column}')::${EXTRA_COLUMNS[column]}`;
    // A column every move sets needs no test per row.
    return sql.raw(
      count === moves.length
        ? `"${column}" = ${value}`
        : `"${column}" = CASE WHEN m ? '${column}' THEN ${value} ELSE f."${column}" END`,
    );
  });
  const returned = SUMMARY_COLUMNS.map((c) => `f."${c}"`).join(', ');
  const result = await sql<SummaryRow>`
    WITH moved AS (
      UPDATE funding_applications f
      SET ${sql.join([sql`status = m->>'status', version = f.version + 1, updated_at = ${at}`, ...assignments])}
      FROM jsonb_array_elements(${`[${payload.join(',')}]`}::jsonb) m
      WHERE f.id = (m->>'id')::uuid AND f.status = m->>'from' AND f.version = (m->>'version')::int
      RETURNING ${sql.raw(returned)}, m->>'from' AS from_status, m->>'reason' AS reason,
        (m->>'transition')::uuid AS transition_id
    ), history AS (
      INSERT INTO status_transitions (id, resource_type, resource_id, society_id, from_status, to_status, reason,
        actor_id, actor_name, at)
      SELECT transition_id, ${APPLICATION.resourceType}::text, id, society_id, from_status, status, reason,
        ${actor.kind === 'system' ? null : actor.id}::text, ${actor.name}, ${at}
      FROM moved
    )
    SELECT ${sql.raw(SUMMARY_COLUMNS.map((c) => `"${c}"`).join(', '))} FROM moved`.execute(trx);
  return result.rows;
}
