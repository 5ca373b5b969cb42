import {
  type ActivityFigures,
  type CapacityIndex,
  type CapacityTier,
  computeCapacity,
  localToday,
  memberHomeScore,
} from '@society-hub/domain';
import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import type { Principal } from '../../lib/request-context';
import type { Trx } from '../../lib/write';
import type { GovernanceService } from '../governance/governance.service';
import { latestSubmittedReport } from '../reports/reports.repository';
import { requireSociety } from '../societies/societies.repository';
import { capacitySnapshots, saveCapacitySnapshot } from './capacity.repository';
import type { CapacitySchema } from './capacity.schemas';

/**
 * History the funding and pilot modules contribute to the index; each module supplies its own source
 * (app.ts), so this module does not depend on theirs. NO_HISTORY counts nothing.
 */
export interface CapacityHistorySources {
  funding(db: DB | Trx, societyId: string): Promise<{ fundedProjects: number; completedProjects: number }>;
  pilots(db: DB | Trx, societyId: string): Promise<{ completed: number; averageSatisfaction: number | null }>;
  /** The year's activity figures counted from the record of activities; null when none are recorded. */
  activities(db: DB | Trx, societyId: string, year: number): Promise<ActivityFigures | null>;
}

export const NO_HISTORY: CapacityHistorySources = {
  funding: async () => ({ fundedProjects: 0, completedProjects: 0 }),
  pilots: async () => ({ completed: 0, averageSatisfaction: null }),
  activities: async () => null,
};

function isTier(value: string): value is CapacityTier {
  return ['A', 'B', 'C', 'D'].includes(value);
}

export class CapacityService {
  constructor(
    private readonly db: DB,
    private readonly governance: GovernanceService,
    private readonly history: CapacityHistorySources = NO_HISTORY,
  ) {}

  private async compute(db: DB | Trx, societyId: string): Promise<{ index: CapacityIndex; reportYear: number | null }> {
    const society = await requireSociety(db, { kind: 'all' }, societyId);
    const governance = await this.governance.evaluateUnscoped(db, societyId);
    const report = await latestSubmittedReport(db, societyId);
    const content = report?.content;
    const parsed =
      content && typeof content === 'object' && 'members' in content && 'activities' in content && 'staff' in content
        ? (content as Parameters<typeof memberHomeScore>[0])
        : null;
    // The report year's activities as recorded one by one, where the society keeps its record here;
    // otherwise the yearly totals typed into the report.
    const recorded = parsed && report ? await this.history.activities(db, societyId, report.year) : null;
    const activities = recorded ?? parsed?.activities;
    const index = computeCapacity({
      governance: governance.results.map((r) => r.status),
      partyOrganisation: society.party_organisation !== 'none',
      secretaryGeneralFullTime: society.secretary_general_full_time === true,
      dormant: society.status === 'dormant',
      report:
        parsed && activities
          ? {
              fullTimeStaff: parsed.staff.fullTime,
              memberHomeElements: memberHomeScore(parsed),
              individualMembers: parsed.members.individual,
              newIndividualMembers: parsed.members.newIndividual,
              youthMembers: parsed.members.youth,
              academicExchanges: activities.academicExchanges,
              academicParticipants: activities.academicParticipants,
              popularisationEvents: activities.popularisationEvents,
              popularisationParticipants: activities.popularisationParticipants,
              advisoryReports: activities.advisoryReports,
              advisoryAdopted: activities.advisoryAdopted,
              brandEvents: activities.brandEvents,
              brandParticipants: activities.brandParticipants,
            }
          : null,
      funding: await this.history.funding(db, societyId),
      pilots: await this.history.pilots(db, societyId),
    });
    return { index, reportYear: report?.year ?? null };
  }

  async get(principal: Principal, societyId: string): Promise<Static<typeof CapacitySchema>> {
    await requireSociety(this.db, principal.scope, societyId);
    const { index, reportYear } = await this.compute(this.db, societyId);
    const snapshots = await capacitySnapshots(this.db, societyId);
    return {
      societyId,
      computedOn: localToday(),
      reportYear,
      ...index,
      history: snapshots.flatMap((s) =>
        isTier(s.tier)
          ? [{ year: s.year, total: s.total, tier: s.tier, subScores: s.sub_scores as CapacityIndex['subScores'] }]
          : [],
      ),
    };
  }

  /** The tier the index gives the society today (pilot eligibility reads it at every decision point). */
  async tierOf(db: DB | Trx, societyId: string): Promise<CapacityTier> {
    return (await this.compute(db, societyId)).index.tier;
  }

  /** Keeps one snapshot per society and year: the index as it stands when that year's facts change. */
  async snapshot(trx: Trx, societyId: string, year: number): Promise<void> {
    const { index } = await this.compute(trx, societyId);
    await saveCapacitySnapshot(trx, {
      societyId,
      year,
      total: index.total,
      tier: index.tier,
      subScores: JSON.stringify(index.subScores),
    });
  }
}
