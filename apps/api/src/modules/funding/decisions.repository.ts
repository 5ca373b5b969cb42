import type { ApplicationStatus } from '@society-hub/domain';
import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';
import { rankingQuery } from './funding.repository';

/** The program's applications in the given states, with the columns ranking and allocation read. */
export async function rankedApplications(db: DB | Trx, programId: string, statuses: readonly ApplicationStatus[]) {
  return rankingQuery(db)
    .where('funding_applications.program_id', '=', programId)
    .where('funding_applications.status', 'in', [...statuses])
    .execute();
}

/** What the program's applications in the given states were allocated, per category. */
export async function allocatedFenByCategory(trx: Trx, programId: string, statuses: readonly ApplicationStatus[]) {
  return trx
    .selectFrom('funding_applications')
    .select(['category_code', (eb) => eb.fn.sum<number>('allocated_fen').as('fen')])
    .where('program_id', '=', programId)
    .where('status', 'in', [...statuses])
    .groupBy('category_code')
    .execute();
}
