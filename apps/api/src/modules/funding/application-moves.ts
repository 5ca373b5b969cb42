import { type ApplicationStatus, applicationLifecycle, countOf } from '@society-hub/domain';
import { sql, type Updateable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { FundingApplicationRow, FundingApplicationsTable } from '../../db/database';
import { errors } from '../../lib/errors';
import { APPLICATION } from '../../lib/lifecycles';
import type { Actor } from '../../lib/request-context';
import { moveChange } from '../../lib/transitions';
import type { Change, Trx } from '../../lib/write';

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

/**
 * The one way an application changes state, alone or a whole program's at once: every move is
 * checked against the lifecycle, written with its transition history and audited as lib/transitions.ts
 * does for a single move. Program
 * transitions and allocations move thousands, so the rows and their history are one statement
 * and what comes back is the summary the audit log keeps, not the whole row; a caller that shows
 * the application reads it again.
 */
export async function moveApplications(
  trx: Trx,
  actor: Actor,
  moves: readonly Move[],
  record: (change: Change) => void,
): Promise<SummaryRow[]> {
  for (const { row, to } of moves) {
    if (!applicationLifecycle.canTransition(row.status, to)) {
      throw errors.invalidTransition(row.status, to, applicationLifecycle.allowedFrom(row.status));
    }
  }
  if (moves.length === 0) return [];
  const rows = await updateStatuses(trx, actor, moves, new Date());
  if (rows.length !== moves.length) {
    // Someone changed an application between this mover's read and its write (a withdrawal, an
    // amount adjusted, another decision): nothing of this move may stand on what it read.
    throw errors.conflict(
      `${moves.length - rows.length} of ${countOf(moves.length, 'application')} changed meanwhile (withdrawn, adjusted or decided by someone else); nothing was written. Reload and try again.`,
    );
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return moves.map(({ row, to, reason }) => {
    const next = byId.get(row.id);
    if (!next) throw new Error(`application ${row.id} was not updated`);
    record(
      moveChange(
        APPLICATION,
        { id: row.id, societyId: row.society_id },
        { from: row.status, to, reason },
        { status: row.status },
        summary(next),
      ),
    );
    return next;
  });
}

/** What the audit log and the change feed keep of an application: no budget detail, no attachments. */
export function summary(row: SummaryRow) {
  return {
    id: row.id,
    programId: row.program_id,
    societyId: row.society_id,
    categoryCode: row.category_code,
    title: row.title,
    requestedFen: row.requested_fen,
    status: row.status,
    score: row.score,
    allocatedFen: row.allocated_fen,
  };
}

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
async function updateStatuses(trx: Trx, actor: Actor, moves: readonly Move[], at: Date): Promise<SummaryRow[]> {
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
