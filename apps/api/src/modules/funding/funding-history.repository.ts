import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';

/** A society's applications funded (through the whole life after the notice) and completed with a final report. */
export async function countFundedAndCompleted(db: DB | Trx, societyId: string) {
  return db
    .selectFrom('funding_applications')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', 'in', ['funded', 'reported', 'closed']).as('funded'),
      eb.fn.countAll<number>().filterWhere('status', 'in', ['reported', 'closed']).as('completed'),
    ])
    .where('society_id', '=', societyId)
    .executeTakeFirstOrThrow();
}
