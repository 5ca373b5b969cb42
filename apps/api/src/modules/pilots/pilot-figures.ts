import type { DB } from '../../db/connect';
import type { SocietyScope } from '../../lib/request-context';
import type { Trx } from '../../lib/write';
import type { DueMilestone } from '../reminders/reminders.service';
import { countCompletedPilots, openMilestonesDueBy, pilotsPerFunctionAndStatus } from './pilot-figures.repository';

/**
 * What the capacity index's "service to society and government" reads of a society's pilots:
 * how many it completed, and the departments' mean satisfaction over those evaluated.
 */
export async function pilotHistory(db: DB | Trx, societyId: string) {
  const row = await countCompletedPilots(db, societyId);
  return {
    completed: Number(row.completed),
    averageSatisfaction: row.satisfaction === null ? null : Math.round(Number(row.satisfaction) * 10) / 10,
  };
}

/** The dashboard's pilots by function and status, with their contract value. */
export async function pilotFigures(db: DB, scope: SocietyScope) {
  const rows = await pilotsPerFunctionAndStatus(db, scope);
  return rows.map((r) => ({
    functionCode: r.code,
    functionName: r.name,
    status: r.status,
    pilots: r.pilots,
    contractValueFen: Number(r.fen),
  }));
}

/** Milestones not yet done of pilots under way, due by `dueBy` (overdue ones included), for reminders. */
export async function dueMilestones(db: DB, scope: SocietyScope, dueBy: string): Promise<DueMilestone[]> {
  const rows = await openMilestonesDueBy(db, scope, dueBy);
  return rows.map((r) => ({
    pilotId: r.pilot_id,
    pilotTitle: r.title,
    milestoneId: r.milestone_id,
    milestoneName: r.name,
    dueOn: r.due_on,
    society: { id: r.society_id, name: r.society_name },
  }));
}
