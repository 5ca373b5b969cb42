import { applicationLifecycle, countOf } from '@society-hub/domain';
import { errors } from '../../lib/errors';
import { APPLICATION } from '../../lib/lifecycles';
import type { Actor } from '../../lib/request-context';
import { moveChange } from '../../lib/transitions';
import type { Change, Trx } from '../../lib/write';
import { type Move, type SummaryRow, updateStatuses } from './applications.repository';

export type { Move } from './applications.repository';

/**
 * The one way an application changes state, alone or a whole program's at once: every move is
 * checked against the lifecycle, written with its transition history and audited as lib/transitions.ts
 * does for a single move. Program transitions and allocations move thousands, so the rows and their
 * history are one statement (`updateStatuses` in applications.repository.ts), and what comes back is
 * the summary the audit log keeps, not the whole row; a caller that shows the application reads it
 * again.
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
