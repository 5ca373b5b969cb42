import { localToday } from '@society-hub/domain';
import type { DB } from '../../db/connect';
import { SYSTEM_ACTOR, systemContext } from '../../lib/request-context';
import { type Change, type Trx, write } from '../../lib/write';
import { expireRound, lockOverdueOpenRounds, overdueOpenRounds } from '../returns/returns.repository';
import { type Move, moveApplications } from './application-moves';
import { findApplication } from './funding.repository';

/**
 * The missed deadline of a returned application (issue 21): it kept its place in the closed call only
 * until the return's deadline, so once that day has passed with nothing filed again it fails 形式审查
 * and is rejected (returned → rejected, carried), and its round is marked expired.
 *
 * No worker runs it: it is applied when it matters and deterministically — before an application or a
 * program's applications are read (`sweepOverdueReturns`), and inside a program's move to review
 * (`rejectOverdueReturns`), so nobody sees an overdue application still waiting.
 */
export async function rejectOverdueReturns(
  trx: Trx,
  record: (change: Change) => void,
  today = localToday(),
): Promise<number> {
  const rounds = await lockOverdueOpenRounds(trx, 'funding_application', today);
  const moves: Move[] = [];
  const now = new Date();
  for (const round of rounds) {
    const row = await findApplication(trx, { kind: 'all' }, round.resource_id, { forUpdate: true });
    if (row.status === 'returned') {
      moves.push({
        row,
        to: 'rejected',
        reason: `Failed 形式审查: not filed again by the return’s deadline ${round.deadline}`,
      });
    }
    await expireRound(trx, round.id, now);
  }
  await moveApplications(trx, SYSTEM_ACTOR, moves, record);
  return moves.length;
}

/** Applies the missed deadlines first if there are any (a read of them costs one small query otherwise). */
export async function sweepOverdueReturns(db: DB): Promise<void> {
  if ((await overdueOpenRounds(db, 'funding_application', localToday())).length === 0) return;
  await write(db, systemContext('returns-deadline'), (trx, record) => rejectOverdueReturns(trx, record));
}
