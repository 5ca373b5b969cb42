import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { latestTermEnd } from '../governance/governance.repository';
import { owesAnnualReport } from '../societies/societies.repository';

/** A figure counted per key (a status, a type, …). */
export interface KeyCount {
  key: string;
  n: number;
}

function societiesIn(db: DB, scope: SocietyScope) {
  const ids = societiesReached(scope);
  let query = db.selectFrom('societies');
  if (ids) query = query.where('societies.id', 'in', ids);
  return query;
}

/** The condition on a society id column that keeps the scope's societies (an SQL fragment). */
function reachedBy(column: 's.id' | 'm.society_id' | 'a.society_id', scope: SocietyScope) {
  const ids = societiesReached(scope);
  return ids ? sql`${sql.raw(column)} = ANY(${ids}::uuid[])` : sql`true`;
}

export async function countSocietiesBy(db: DB, scope: SocietyScope, column: 'status' | 'type'): Promise<KeyCount[]> {
  return societiesIn(db, scope)
    .select([sql<string>`${sql.ref(column)}`.as('key'), sql<number>`count(*)::int`.as('n')])
    .groupBy(column)
    .execute();
}

/**
 * The tier of each active or dormant society: the same expression as the registry's tier filter
 * (societies.repository.ts), so each bar is its list.
 */
export async function societyTiers(db: DB, scope: SocietyScope) {
  return societiesIn(db, scope)
    .where('status', 'in', ['active', 'dormant'])
    .select([
      'status',
      sql<string>`coalesce((SELECT tier FROM capacity_snapshots c WHERE c.society_id = societies.id ORDER BY c.year DESC LIMIT 1), 'none')`.as(
        'key',
      ),
    ])
    .execute();
}

export async function countActiveSocietiesByParty(db: DB, scope: SocietyScope): Promise<KeyCount[]> {
  return societiesIn(db, scope)
    .where('status', '=', 'active')
    .select([sql<string>`party_organisation`.as('key'), sql<number>`count(*)::int`.as('n')])
    .groupBy('party_organisation')
    .execute();
}

/**
 * Per year, the societies expected to take part in the inspection by result (null: none recorded). A society
 * is expected for a year when it owed that year's report (`owesAnnualReport`: on the registry and founded by
 * the year's end); a society with a recorded result counts whatever its status now.
 */
export async function inspectionResultsPerYear(db: DB, scope: SocietyScope, years: readonly number[]) {
  const result = await sql<{ year: number; result: string | null; n: number }>`
      WITH years AS (SELECT unnest(${years}::int[]) AS year)
      SELECT y.year, i.result, count(*)::int AS n
      FROM years y
      JOIN societies s ON (
        ${owesAnnualReport('s', sql<number>`y.year`)}
        OR EXISTS (SELECT 1 FROM inspections x WHERE x.society_id = s.id AND x.year = y.year)
      )
      LEFT JOIN inspections i ON i.society_id = s.id AND i.year = y.year
      WHERE ${reachedBy('s.id', scope)}
      GROUP BY y.year, i.result`.execute(db);
  return result.rows;
}

/** Each active or dormant society of the scope with the end of its latest term (null when it has none). */
export async function societiesWithTermEnd(db: DB, scope: SocietyScope) {
  return societiesIn(db, scope)
    .where('status', 'in', ['active', 'dormant'])
    .select(['societies.id', 'societies.name'])
    .select(latestTermEnd)
    .execute();
}

/** Members who joined in each year from `first` to `last`, every year listed. */
export async function membersJoinedPerYear(db: DB, scope: SocietyScope, first: number, last: number) {
  const result = await sql<{ year: number; joined: number }>`
      SELECT y.year, count(m.id)::int AS joined
      FROM generate_series(${first}::int, ${last}::int) AS y(year)
      LEFT JOIN members m ON m.joined_on >= make_date(y.year, 1, 1) AND m.joined_on < make_date(y.year + 1, 1, 1)
        AND ${reachedBy('m.society_id', scope)}
      GROUP BY y.year ORDER BY y.year`.execute(db);
  return result.rows;
}

/** Each society with members: its members, active ones by category, the most active first. */
export async function memberCountsPerSociety(db: DB, scope: SocietyScope) {
  const result = await sql<{
    id: string;
    name: string;
    total: number;
    active: number;
    ordinary: number;
    senior: number;
    student: number;
    honorary: number;
  }>`
      SELECT s.id, s.name, count(m.id)::int AS total,
        count(m.id) FILTER (WHERE m.status = 'active')::int AS active,
        count(m.id) FILTER (WHERE m.status = 'active' AND m.category = 'ordinary')::int AS ordinary,
        count(m.id) FILTER (WHERE m.status = 'active' AND m.category = 'senior')::int AS senior,
        count(m.id) FILTER (WHERE m.status = 'active' AND m.category = 'student')::int AS student,
        count(m.id) FILTER (WHERE m.status = 'active' AND m.category = 'honorary')::int AS honorary
      FROM societies s JOIN members m ON m.society_id = s.id
      WHERE ${reachedBy('s.id', scope)}
      GROUP BY s.id, s.name ORDER BY active DESC, s.name`.execute(db);
  return result.rows;
}

/** The same years and condition as `membersJoinedPerYear`, split by society (years without joiners left out). */
export async function membersJoinedPerSocietyAndYear(db: DB, scope: SocietyScope, first: number, last: number) {
  const result = await sql<{ society_id: string; year: number; joined: number }>`
      SELECT m.society_id, extract(year FROM m.joined_on)::int AS year, count(*)::int AS joined
      FROM members m
      WHERE m.joined_on >= make_date(${first}::int, 1, 1) AND m.joined_on < make_date(${last}::int + 1, 1, 1)
        AND ${reachedBy('m.society_id', scope)}
      GROUP BY m.society_id, extract(year FROM m.joined_on)`.execute(db);
  return result.rows;
}

/**
 * Per program and category, applications and money asked for and granted. Category names live in the
 * program's own category list (each call defines its categories).
 */
export async function fundingPerProgramCategory(db: DB, scope: SocietyScope) {
  const result = await sql<{
    program_id: string;
    program_name: string;
    year: number;
    category_code: string;
    category_name: string | null;
    applications: number;
    requested_fen: string;
    funded: number;
    granted_fen: string;
  }>`
      SELECT p.id AS program_id, p.name AS program_name, p.year, a.category_code,
        (SELECT c->>'name' FROM jsonb_array_elements(p.categories) c WHERE c->>'code' = a.category_code LIMIT 1) AS category_name,
        count(*) FILTER (WHERE a.status NOT IN ('draft', 'withdrawn'))::int AS applications,
        coalesce(sum(a.requested_fen) FILTER (WHERE a.status NOT IN ('draft', 'withdrawn')), 0) AS requested_fen,
        count(*) FILTER (WHERE a.status IN ('approved', 'notice', 'funded', 'reported', 'closed'))::int AS funded,
        coalesce(sum(a.allocated_fen) FILTER (WHERE a.status IN ('approved', 'notice', 'funded', 'reported', 'closed')), 0) AS granted_fen
      FROM funding_applications a JOIN funding_programs p ON p.id = a.program_id
      WHERE ${reachedBy('a.society_id', scope)}
      GROUP BY p.id, p.name, p.year, p.categories, a.category_code
      HAVING count(*) FILTER (WHERE a.status NOT IN ('draft', 'withdrawn')) > 0
      ORDER BY p.year DESC, p.name, a.category_code`.execute(db);
  return result.rows;
}
