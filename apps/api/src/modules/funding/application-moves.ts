import { type ApplicationStatus, applicationLifecycle } from '@society-hub/domain';
import { sql, type Updateable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { FundingApplicationRow, FundingApplicationsTable } from '../../db/database';
import { errors } from '../../lib/errors';
import { type ColumnTypes, insertMany } from '../../lib/insert-many';
import type { Actor } from '../../lib/request-context';
import type { Change, Trx } from '../../lib/write';
import { type ApplicationRowWithSociety, toApplication } from './funding.repository';

const TRANSITION_COLUMNS: ColumnTypes<'application_transitions'> = {
  id: 'uuid',
  application_id: 'uuid',
  from_status: 'text',
  to_status: 'text',
  reason: 'text',
  actor_id: 'uuid',
  actor_name: 'text',
  at: 'timestamptz',
};

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

/** What a move needs to know of the application it moves. */
export type MovedRow = Pick<ApplicationRowWithSociety, 'id' | 'status' | 'society_id' | 'society_name'>;

export interface Move {
  row: MovedRow;
  to: ApplicationStatus;
  reason: string;
  /** Columns that change with the status (a screening result, a score, a decision). */
  set?: ExtraColumns;
}

/**
 * The one way an application changes state, alone or a whole program's at once: every move is
 * checked against the lifecycle, written, kept in the transition history and audited. Program
 * transitions move hundreds of applications, so the history goes in as one statement.
 */
export async function moveApplications(
  trx: Trx,
  actor: Actor,
  moves: readonly Move[],
  record: (change: Change) => void,
): Promise<ApplicationRowWithSociety[]> {
  for (const { row, to } of moves) {
    if (!applicationLifecycle.canTransition(row.status, to)) {
      throw errors.invalidTransition(row.status, to, applicationLifecycle.allowedFrom(row.status));
    }
  }
  if (moves.length === 0) return [];
  const at = new Date();
  const rows = await updateStatuses(trx, moves, at);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const updated = moves.map(({ row, reason }) => {
    const next = byId.get(row.id);
    if (!next) throw new Error(`application ${row.id} was not updated`);
    const after = { ...next, society_name: row.society_name };
    record({
      action: `application.transition.${next.status}`,
      resourceType: 'funding_application',
      resourceId: row.id,
      societyId: row.society_id,
      before: { status: row.status },
      after: { ...summary(after), transitionReason: reason },
      event: 'application.status_changed',
    });
    return after;
  });
  await insertMany(
    trx,
    'application_transitions',
    TRANSITION_COLUMNS,
    moves.map(({ row, to, reason }) => ({
      id: uuidv7(),
      application_id: row.id,
      from_status: row.status,
      to_status: to,
      reason,
      actor_id: actor.kind === 'system' ? null : actor.id,
      actor_name: actor.name,
      at,
    })),
  );
  return updated;
}

/** What the audit log and the change feed keep of an application: no budget detail, no attachments. */
export function summary(row: ApplicationRowWithSociety) {
  const a = toApplication(row);
  return {
    id: a.id,
    programId: a.programId,
    societyId: a.societyId,
    categoryCode: a.categoryCode,
    title: a.title,
    requestedFen: a.requestedFen,
    status: a.status,
    score: a.score,
    allocatedFen: a.allocatedFen,
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
 * Every move in ONE statement: a program transition or an allocation decides thousands of
 * applications, and one UPDATE per row was most of their time (docs/benchmarks.md). The moves travel
 * as one JSON parameter, as in `insertMany`; column names come from the map above, never from input.
 */
async function updateStatuses(trx: Trx, moves: readonly Move[], at: Date): Promise<FundingApplicationRow[]> {
  const payload = moves.map(({ row, to, set }) => {
    const entry: Record<string, unknown> = { id: row.id, status: to };
    for (const column of Object.keys(EXTRA_COLUMNS) as (keyof ExtraColumns)[]) {
      const value: unknown = set?.[column];
      if (value !== undefined) entry[column] = value instanceof Date ? value.toISOString() : value;
    }
    return entry;
  });
  const assignments = Object.entries(EXTRA_COLUMNS).map(([column, type]) =>
    sql.raw(`"${column}" = CASE WHEN m ? '${column}' THEN (m->>'${column}')::${type} ELSE f."${column}" END`),
  );
  const result = await sql<FundingApplicationRow>`
    UPDATE funding_applications f
    SET status = m->>'status', version = f.version + 1, updated_at = ${at}, ${sql.join(assignments)}
    FROM jsonb_array_elements(${JSON.stringify(payload)}::jsonb) m
    WHERE f.id = (m->>'id')::uuid
    RETURNING f.*`.execute(trx);
  return result.rows;
}
