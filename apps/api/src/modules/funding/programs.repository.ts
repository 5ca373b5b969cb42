import type { ProgramStatus } from '@society-hub/domain';
import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/connect';
import type { FundingProgramRow, FundingProgramsTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;

export const PROGRAM_SORTS: readonly SortSpec[] = [
  { name: '-createdAt', column: 'created_at', direction: 'desc' },
  { name: 'createdAt', column: 'created_at', direction: 'asc' },
];

export interface ProgramFilters {
  status?: ProgramStatus | undefined;
  year?: number | undefined;
}

export async function listPrograms(db: Executor, filters: ProgramFilters, keyset: Keyset) {
  let query = db.selectFrom('funding_programs').selectAll();
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.year) query = query.where('year', '=', filters.year);
  return paginate(query, keyset, 'id');
}

export async function insertProgram(trx: Trx, row: Insertable<FundingProgramsTable>): Promise<FundingProgramRow> {
  return trx.insertInto('funding_programs').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateProgram(
  trx: Trx,
  id: string,
  changes: Updateable<FundingProgramsTable>,
): Promise<FundingProgramRow> {
  return trx
    .updateTable('funding_programs')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Objections to the program's notice not yet resolved. */
export async function openObjectionCount(db: Executor, programId: string): Promise<number> {
  const row = await db
    .selectFrom('notice_objections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
