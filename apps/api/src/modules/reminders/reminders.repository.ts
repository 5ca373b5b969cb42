import type { DB } from '../../db/connect';
import type { SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { latestTermEnd } from '../governance/governance.repository';
import { owesAnnualReport } from '../societies/societies.repository';

/** The active and dormant societies of the scope: those with deadlines. */
function societiesWithDeadlines(db: DB, scope: SocietyScope) {
  let query = db.selectFrom('societies').where('societies.status', 'in', ['active', 'dormant']);
  const reached = societiesReached(scope);
  if (reached) query = query.where('societies.id', 'in', reached);
  return query;
}

/** Societies of the scope that owe the year's annual report and have not submitted it, by name. */
export async function societiesMissingAnnualReport(db: DB, scope: SocietyScope, year: number) {
  return societiesWithDeadlines(db, scope)
    .select(['societies.id', 'societies.name'])
    .where(owesAnnualReport('societies', year))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('annual_reports')
            .select('annual_reports.id')
            .whereRef('annual_reports.society_id', '=', 'societies.id')
            .where('annual_reports.year', '=', year)
            .where('annual_reports.status', '=', 'submitted'),
        ),
      ),
    )
    .orderBy('societies.name')
    .execute();
}

/** Each society of the scope with the end of its latest term (null when it has none). */
export async function societiesWithTermEnd(db: DB, scope: SocietyScope) {
  return societiesWithDeadlines(db, scope).select(['societies.id', 'societies.name']).select(latestTermEnd).execute();
}

/** The funded projects of the scope's societies, which owe a final report. */
export async function fundedProjects(db: DB, scope: SocietyScope) {
  let query = db
    .selectFrom('funding_applications as a')
    .innerJoin('funding_programs as p', 'p.id', 'a.program_id')
    .innerJoin('societies as s', 's.id', 'a.society_id')
    .select([
      'a.id',
      'a.title',
      'a.planned_on',
      'a.program_id',
      'p.year',
      's.id as society_id',
      's.name as society_name',
    ])
    .where('a.status', '=', 'funded');
  const reached = societiesReached(scope);
  if (reached) query = query.where('a.society_id', 'in', reached);
  return query.execute();
}

/** A user's (reviewer's) assignments not yet scored, in programs still reviewing, oldest first. */
export async function unscoredAssignmentsOf(db: DB, userId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('review_assignments as r', 'r.expert_id', 'u.expert_id')
    .innerJoin('funding_applications as a', 'a.id', 'r.application_id')
    .innerJoin('funding_programs as p', 'p.id', 'r.program_id')
    .select(['r.application_id', 'a.title', 'p.name as program_name'])
    .where('u.id', '=', userId)
    .where('r.status', '=', 'assigned')
    .where('p.status', '=', 'reviewing')
    .orderBy('r.created_at')
    .execute();
}

/** Per program under review, how many assigned reviews are still unscored. */
export async function unscoredAssignmentsPerProgram(db: DB) {
  return db
    .selectFrom('review_assignments as r')
    .innerJoin('funding_programs as p', 'p.id', 'r.program_id')
    .select(['p.id', 'p.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.status', '=', 'assigned')
    .where('p.status', '=', 'reviewing')
    .groupBy(['p.id', 'p.name'])
    .execute();
}
