import type { ExpertPool } from '@society-hub/domain';
import { type ExpressionBuilder, type Insertable, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/connect';
import type { Database, ExpertsTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { containsPattern } from '../../lib/sql';
import type { Trx } from '../../lib/write';

export const EXPERT_SORTS: readonly SortSpec[] = [{ name: 'name', column: 'experts.name', direction: 'asc' }];

/** The expert (of the outer query) is affiliated with one of these societies. */
function affiliatedWith(eb: ExpressionBuilder<Database, 'experts'>, societies: readonly string[]) {
  return eb
    .selectFrom('expert_societies')
    .select('expert_societies.expert_id')
    .whereRef('expert_societies.expert_id', '=', 'experts.id')
    .where('expert_societies.society_id', 'in', societies);
}

/** The societies each expert is affiliated with. */
export async function expertAffiliations(db: DB | Trx, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (!ids.length) return map;
  const links = await db.selectFrom('expert_societies').selectAll().where('expert_id', 'in', ids).execute();
  for (const link of links) map.get(link.expert_id)?.push(link.society_id);
  return map;
}

export async function replaceExpertAffiliations(trx: Trx, id: string, societyIds: readonly string[]) {
  await trx.deleteFrom('expert_societies').where('expert_id', '=', id).execute();
  if (societyIds.length) {
    await trx
      .insertInto('expert_societies')
      .values(societyIds.map((societyId) => ({ expert_id: id, society_id: societyId })))
      .execute();
  }
}

/** The expert holding a value of a column that identifies one, if any. */
export async function findExpertIdBy(trx: Trx, column: 'external_ref' | 'id_number_hash', value: string) {
  return trx.selectFrom('experts').select('id').where(column, '=', value).executeTakeFirst();
}

/** An expert affiliated with a society of the scope, if any. */
export async function findExpert(db: DB | Trx, id: string, scope: SocietyScope, forUpdate: boolean) {
  let q = db.selectFrom('experts').selectAll().where('id', '=', id);
  const reached = societiesReached(scope);
  if (reached) q = q.where((eb) => eb.exists(affiliatedWith(eb, reached)));
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export interface ExpertFilters {
  pool?: ExpertPool | undefined;
  discipline?: string | undefined;
  titleLevel?: ExpertsTable['title_level'] | undefined;
  available?: boolean | undefined;
  societyId?: string | undefined;
  q?: string | undefined;
}

export async function listExperts(db: DB, scope: SocietyScope, filters: ExpertFilters, keyset: Keyset) {
  let q = db.selectFrom('experts').selectAll('experts');
  if (filters.pool) q = q.where(sql<boolean>`experts.pools @> ${JSON.stringify([filters.pool])}::jsonb`);
  if (filters.discipline)
    q = q.where(sql<boolean>`experts.disciplines @> ${JSON.stringify([filters.discipline])}::jsonb`);
  if (filters.titleLevel) q = q.where('experts.title_level', '=', filters.titleLevel);
  if (filters.available !== undefined) q = q.where('experts.available', '=', filters.available);
  for (const societies of [filters.societyId ? [filters.societyId] : null, societiesReached(scope)]) {
    if (societies) q = q.where((eb) => eb.exists(affiliatedWith(eb, societies)));
  }
  if (filters.q) {
    const pattern = containsPattern(filters.q.trim());
    q = q.where((eb) => eb.or([eb('experts.name', 'ilike', pattern), eb('experts.employer', 'ilike', pattern)]));
  }
  return paginate(q, keyset, 'experts.id');
}

export async function societyNamesOf(db: DB, ids: readonly string[]) {
  return db
    .selectFrom('societies')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function insertExpert(trx: Trx, expert: Insertable<ExpertsTable>) {
  await trx.insertInto('experts').values(expert).execute();
}

export async function updateExpert(trx: Trx, id: string, changes: Updateable<ExpertsTable>) {
  await trx
    .updateTable('experts')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

/**
 * The expert an import row is, locked: matched by external reference, else by ID number (by its keyed
 * hash); a row with neither matches none.
 */
export async function lockImportedExpert(
  trx: Trx,
  identity: { externalRef?: string | null; idNumberHash?: string | null },
) {
  let q = trx.selectFrom('experts').selectAll();
  if (identity.externalRef) q = q.where('external_ref', '=', identity.externalRef);
  else if (identity.idNumberHash) q = q.where('id_number_hash', '=', identity.idNumberHash);
  else q = q.where(sql<boolean>`false`);
  return q.forUpdate().executeTakeFirst();
}
