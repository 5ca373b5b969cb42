import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/connect';
import type { Database } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { SocietyScope } from '../../lib/request-context';
import { EVERY_SOCIETY, societiesReached } from '../../lib/society-scope';
import type { Trx } from '../../lib/write';

export const ALLIANCE_SORTS: readonly SortSpec[] = [{ name: 'name', column: 'alliances.name', direction: 'asc' }];

/** The alliance (of the outer query) has a member among these societies. */
function membersAmong(eb: ExpressionBuilder<Database, 'alliances'>, societies: readonly string[]) {
  return eb
    .selectFrom('alliance_members')
    .select('alliance_members.alliance_id')
    .whereRef('alliance_members.alliance_id', '=', 'alliances.id')
    .where('alliance_members.society_id', 'in', societies);
}

/** The member societies of each alliance. */
export async function allianceMembers(db: DB | Trx, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (!ids.length) return map;
  const rows = await db.selectFrom('alliance_members').selectAll().where('alliance_id', 'in', ids).execute();
  for (const row of rows) map.get(row.alliance_id)?.push(row.society_id);
  return map;
}

/** Alliances with a member among the scope's societies (and among `societyId`'s, when given). */
export async function listAlliances(db: DB, scope: SocietyScope, societyId: string | undefined, keyset: Keyset) {
  let q = db.selectFrom('alliances').selectAll('alliances');
  const reached = societiesReached(scope);
  for (const societies of [societyId ? [societyId] : null, reached]) {
    if (societies) q = q.where((eb) => eb.exists(membersAmong(eb, societies)));
  }
  return paginate(q, keyset, 'alliances.id');
}

/** An alliance with a member in the scope, if any. */
export async function findAlliance(
  db: DB | Trx,
  id: string,
  options: { forUpdate?: boolean; scope?: SocietyScope } = {},
) {
  let q = db.selectFrom('alliances').selectAll().where('id', '=', id);
  const reached = societiesReached(options.scope ?? EVERY_SOCIETY);
  if (reached) q = q.where((eb) => eb.exists(membersAmong(eb, reached)));
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findAllianceIdByName(db: DB | Trx, name: string) {
  return db.selectFrom('alliances').select('id').where('name', '=', name).executeTakeFirst();
}

export async function replaceAllianceMembers(trx: Trx, id: string, members: string[]) {
  await trx.deleteFrom('alliance_members').where('alliance_id', '=', id).execute();
  await trx
    .insertInto('alliance_members')
    .values(members.map((societyId) => ({ alliance_id: id, society_id: societyId })))
    .execute();
}

export async function insertAlliance(
  trx: Trx,
  alliance: { id: string; name: string; leadSocietyId: string; description: string | null; at: Date },
) {
  await trx
    .insertInto('alliances')
    .values({
      id: alliance.id,
      name: alliance.name,
      lead_society_id: alliance.leadSocietyId,
      description: alliance.description,
      created_at: alliance.at,
      updated_at: alliance.at,
    })
    .execute();
}

/** Changes what is given (undefined leaves a column as it is) and counts a version. */
export async function updateAlliance(
  trx: Trx,
  id: string,
  changes: { name: string | undefined; leadSocietyId: string | undefined; description: string | null | undefined },
) {
  await trx
    .updateTable('alliances')
    .set((eb) => ({
      name: changes.name,
      lead_society_id: changes.leadSocietyId,
      description: changes.description,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .execute();
}

export async function deleteAlliance(trx: Trx, id: string) {
  await trx.deleteFrom('alliances').where('id', '=', id).execute();
}
