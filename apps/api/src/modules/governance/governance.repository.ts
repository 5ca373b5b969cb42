import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import type { DB } from '../../db/connect';
import type { CouncilMembersTable, Database, GovernanceTermsTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;
export type TermRow = Selectable<GovernanceTermsTable>;
export type CouncilMemberRow = Selectable<CouncilMembersTable>;

export const TERM_SORTS: readonly SortSpec[] = [{ name: '-sequence', column: 'sequence', direction: 'desc' }];
export const MEMBER_SORTS: readonly SortSpec[] = [{ name: 'createdAt', column: 'created_at', direction: 'asc' }];

/** The end of the latest term of the society (of the outer query), as the column `end_on`. */
export function latestTermEnd(eb: ExpressionBuilder<Database, 'societies'>) {
  return eb
    .selectFrom('governance_terms')
    .select('end_on')
    .whereRef('governance_terms.society_id', '=', 'societies.id')
    .orderBy('sequence', 'desc')
    .limit(1)
    .as('end_on');
}

export async function listTerms(db: Executor, societyId: string, keyset: Keyset) {
  return paginate(db.selectFrom('governance_terms').selectAll().where('society_id', '=', societyId), keyset, 'id');
}

/** Every term of a society, oldest first, with its roster: what the governance rules read. */
export async function termsWithRosters(db: Executor, societyId: string) {
  const terms = await db
    .selectFrom('governance_terms')
    .selectAll()
    .where('society_id', '=', societyId)
    .orderBy('sequence', 'asc')
    .execute();
  const members = await db.selectFrom('council_members').selectAll().where('society_id', '=', societyId).execute();
  return terms.map((term) => ({ term, roster: members.filter((m) => m.term_id === term.id) }));
}

export async function currentTerm(db: Executor, societyId: string): Promise<TermRow | undefined> {
  return db
    .selectFrom('governance_terms')
    .selectAll()
    .where('society_id', '=', societyId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findTerm(db: Executor, societyId: string, termId: string): Promise<TermRow | undefined> {
  return db
    .selectFrom('governance_terms')
    .selectAll()
    .where('society_id', '=', societyId)
    .where('id', '=', termId)
    .executeTakeFirst();
}

export async function insertTerm(trx: Trx, row: Insertable<GovernanceTermsTable>): Promise<TermRow> {
  return trx.insertInto('governance_terms').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listMembers(db: Executor, termId: string, keyset: Keyset) {
  return paginate(db.selectFrom('council_members').selectAll().where('term_id', '=', termId), keyset, 'id');
}

export async function findMember(
  db: Executor,
  societyId: string,
  memberId: string,
  options: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom('council_members')
    .selectAll()
    .where('society_id', '=', societyId)
    .where('id', '=', memberId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function membersOfTerm(db: Executor, termId: string): Promise<CouncilMemberRow[]> {
  return db.selectFrom('council_members').selectAll().where('term_id', '=', termId).execute();
}

export async function insertMember(trx: Trx, row: Insertable<CouncilMembersTable>): Promise<CouncilMemberRow> {
  return trx.insertInto('council_members').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateMember(
  trx: Trx,
  id: string,
  changes: Updateable<CouncilMembersTable>,
): Promise<CouncilMemberRow> {
  return trx
    .updateTable('council_members')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteMember(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('council_members').where('id', '=', id).execute();
}

/** The chair and secretary-general the current (latest) term's roster names; null without a term. */
export async function currentOfficerNames(db: Executor, societyId: string) {
  const term = await currentTerm(db, societyId);
  if (!term) return null;
  const leaders = await db
    .selectFrom('council_members')
    .select(['person_name', 'position'])
    .where('term_id', '=', term.id)
    .where('position', 'in', ['chair', 'secretary_general'])
    .orderBy('created_at')
    .execute();
  return {
    termSequence: term.sequence,
    chair: leaders.find((m) => m.position === 'chair')?.person_name ?? null,
    secretaryGeneral: leaders.find((m) => m.position === 'secretary_general')?.person_name ?? null,
  };
}
