import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';

/** The members of one society, or of every society the scope reaches. */
function membersCounted(db: DB, scope: SocietyScope, societyId: string | null) {
  let base = db.selectFrom('members');
  if (societyId) base = base.where('society_id', '=', societyId);
  else {
    const reached = societiesReached(scope);
    if (reached) base = base.where('society_id', 'in', reached);
  }
  return base;
}

/**
 * The members' totals: everyone, by kind, the societies counted, and among active individual members the
 * young (born after `youthCutoff`), those with a birth date and those with a senior title; those who joined
 * in `year` and in the year before.
 */
export async function memberTotals(
  db: DB,
  scope: SocietyScope,
  societyId: string | null,
  counted: { youthCutoff: string; year: number },
) {
  const { youthCutoff, year } = counted;
  const active = sql`status = 'active' AND kind = 'individual'`;
  return membersCounted(db, scope, societyId)
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) FILTER (WHERE kind = 'individual')::int`.as('individual'),
      sql<number>`count(*) FILTER (WHERE kind = 'institutional')::int`.as('institutional'),
      sql<number>`count(DISTINCT society_id)::int`.as('societies'),
      sql<number>`count(*) FILTER (WHERE ${active} AND birth_date > ${youthCutoff})::int`.as('youth'),
      sql<number>`count(*) FILTER (WHERE ${active} AND birth_date IS NOT NULL)::int`.as('with_birth_date'),
      sql<number>`count(*) FILTER (WHERE ${active} AND title_level IN ('senior', 'associate_senior'))::int`.as(
        'senior',
      ),
      sql<number>`count(*) FILTER (WHERE ${active})::int`.as('active_individual'),
      sql<number>`count(*) FILTER (WHERE joined_on >= ${`${year}-01-01`})::int`.as('this_year'),
      sql<number>`count(*) FILTER (WHERE joined_on >= ${`${year - 1}-01-01`} AND joined_on < ${`${year}-01-01`})::int`.as(
        'last_year',
      ),
    ])
    .executeTakeFirstOrThrow();
}

/** Members per value of a column: every member by status, active members by category or title. */
export async function memberCountsBy(
  db: DB,
  scope: SocietyScope,
  societyId: string | null,
  column: 'status' | 'category' | 'title_level',
) {
  const base = membersCounted(db, scope, societyId);
  return (column === 'status' ? base : base.where('status', '=', 'active'))
    .select([sql<string>`${sql.ref(column)}`.as('key'), sql<number>`count(*)::int`.as('n')])
    .groupBy(column)
    .execute();
}
