import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import type { Trx } from '../../lib/write';

function societyFilter(scope: SocietyScope) {
  const ids = societiesReached(scope);
  if (!ids) return sql`true`;
  return sql`p.society_id = ANY(${ids}::uuid[])`;
}

/** A society's completed pilots and the departments' mean satisfaction (as numeric text, null when none). */
export async function countCompletedPilots(db: DB | Trx, societyId: string) {
  return db
    .selectFrom('pilots')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'completed').as('completed'),
      eb.fn.avg<number | null>('satisfaction').as('satisfaction'),
    ])
    .where('society_id', '=', societyId)
    .executeTakeFirstOrThrow();
}

/** The scope's pilots by function and status, with their contract value, in the functions' order. */
export async function pilotsPerFunctionAndStatus(db: DB, scope: SocietyScope) {
  const rows = await sql<{ code: string; name: string; status: string; pilots: number; fen: string }>`
    SELECT f.code, f.name, p.status, count(*)::int AS pilots, coalesce(sum(p.contract_value_fen), 0) AS fen
    FROM pilots p JOIN pilot_functions f ON f.code = p.function_code
    WHERE ${societyFilter(scope)}
    GROUP BY f.code, f.name, f.position, p.status
    ORDER BY f.position, p.status`.execute(db);
  return rows.rows;
}

/** Milestones not yet done of pilots under way, due by `dueBy` (overdue ones included), the earliest first. */
export async function openMilestonesDueBy(db: DB, scope: SocietyScope, dueBy: string) {
  const rows = await sql<{
    pilot_id: string;
    title: string;
    milestone_id: string;
    name: string;
    due_on: string;
    society_id: string;
    society_name: string;
  }>`
    SELECT p.id AS pilot_id, p.title, m.id AS milestone_id, m.name, m.due_on::text AS due_on,
      s.id AS society_id, s.name AS society_name
    FROM pilot_milestones m JOIN pilots p ON p.id = m.pilot_id JOIN societies s ON s.id = p.society_id
    WHERE m.done_on IS NULL AND m.due_on <= ${dueBy}::date
      AND p.status IN ('approved', 'in_progress', 'midterm_review', 'acceptance')
      AND ${societyFilter(scope)}
    ORDER BY m.due_on`.execute(db);
  return rows.rows;
}
