import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';
import { countFundedAndCompleted } from './funding-history.repository';

/**
 * What the capacity index reads of a society's funding record: projects funded (through the whole
 * life after the notice) and those completed with a final report.
 */
export async function fundingHistory(db: DB | Trx, societyId: string) {
  const row = await countFundedAndCompleted(db, societyId);
  return { fundedProjects: Number(row.funded), completedProjects: Number(row.completed) };
}
