import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';

/**
 * What the capacity index reads of a society's funding record: projects funded (through the whole
 * life after the notice) and those completed with a final report.
 */
export async function fundingHistory(db: DB | Trx, societyId: string) {
  const row = await db
    .selectFrom('funding_applications')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', 'in', ['funded', 'reported', 'closed']).as('funded'),
      eb.fn.countAll<number>().filterWhere('status', 'in', ['reported', 'closed']).as('completed'),
    ])
    .where('society_id', '=', societyId)
    .executeTakeFirstOrThrow();
  return { fundedProjects: Number(row.funded), completedProjects: Number(row.completed) };
}
