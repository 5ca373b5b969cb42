import {
  type ApiScope,
  CAPACITY_TIERS,
  daysUntil,
  INSPECTION_RESULTS,
  localToday,
  PARTY_ORGANISATIONS,
  type ReturnableResource,
  SOCIETY_STATUSES,
  SOCIETY_TYPES,
} from '@society-hub/domain';
import type { DB } from '../../db/connect';
import { actsForAssociation, type Principal, type SocietyScope } from '../../lib/request-context';
import { memberStats } from '../members/member-stats';
import type { ReportService } from '../reports/reports.service';
import { openRounds } from '../returns/returns.service';
import * as repo from './dashboard.repository';
import type { Dashboard } from './dashboard.schemas';

type PilotRow = NonNullable<Dashboard['pilots']>[number];
type Tier = (typeof CAPACITY_TIERS)[number] | 'none';
const TIERS: readonly Tier[] = [...CAPACITY_TIERS, 'none'];

/** Figures that other modules contribute; the pilots (issue 7) and activities (issue 21) modules register their own. */
export interface DashboardSources {
  pilots(db: DB, scope: SocietyScope): Promise<PilotRow[]>;
  activities(db: DB, principal: Principal): Promise<Dashboard['activities']>;
}

export const NO_DASHBOARD_SOURCES: DashboardSources = { pilots: async () => [], activities: async () => null };

const INSPECTION_YEARS = 5;

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function fill<K extends string>(keys: readonly K[], rows: readonly { key: string; n: number }[]): Record<K, number> {
  const out = zeroes(keys);
  for (const row of rows) {
    const key = keys.find((k) => k === row.key);
    if (key) out[key] += row.n;
  }
  return out;
}

/**
 * Whether the caller may see a section beyond the registry figures. The route admits console users
 * whose roles read members, funding and pilots (each over their own societies); a machine client is
 * admitted with societies:read alone, so its other read scopes decide, as on those resources' own routes.
 */
function mayRead(principal: Principal, scope: ApiScope): boolean {
  return principal.kind === 'user' || principal.scopes.includes(scope);
}

/** The section, or null when the caller may not see it (computed only when it may). */
async function when<T>(allowed: boolean, compute: () => Promise<T>): Promise<T | null> {
  return allowed ? compute() : null;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/**
 * The Association's dashboard (SPEC §5): the figures the seeds report by hand — societies by status
 * and tier, party-organisation coverage, inspection participation, re-elections due, the
 * disqualification list, members, funds by category and year, pilots. Each figure is computed over
 * the societies the caller may see, with the rows a chart drills down to.
 */
export class DashboardService {
  constructor(
    private readonly db: DB,
    private readonly reports: ReportService,
    private readonly reelectionWarningDays: number,
    private readonly sources: DashboardSources = NO_DASHBOARD_SOURCES,
  ) {}

  async dashboard(principal: Principal): Promise<Dashboard> {
    const asOf = localToday();
    const [
      societies,
      partyOrganisation,
      inspections,
      reelections,
      returns,
      disqualification,
      members,
      funding,
      pilots,
      activities,
    ] = await Promise.all([
      this.societies(principal.scope),
      this.party(principal.scope),
      this.inspections(principal.scope, Number(asOf.slice(0, 4))),
      this.reelections(principal.scope, asOf),
      this.returns(principal.scope),
      this.disqualification(principal),
      when(mayRead(principal, 'members:read'), () => this.members(principal.scope, Number(asOf.slice(0, 4)))),
      when(mayRead(principal, 'funding:read'), () => this.funding(principal.scope)),
      when(mayRead(principal, 'pilots:read'), () => this.sources.pilots(this.db, principal.scope)),
      this.sources.activities(this.db, principal),
    ]);
    return {
      asOf,
      societies,
      partyOrganisation,
      inspections,
      reelections,
      returns,
      disqualification,
      members,
      funding,
      pilots,
      activities,
    };
  }

  /** Returns for correction still waiting, and those whose deadline has passed (issue 21). */
  private async returns(scope: SocietyScope): Promise<Dashboard['returns']> {
    const open = await openRounds(this.db, scope);
    const count = (kind: ReturnableResource | null) => {
      const of = open.filter(({ round }) => kind === null || round.resourceType === kind);
      const overdue = of.filter(({ round }) => round.standing === 'overdue').length;
      return { waiting: of.length - overdue, overdue };
    };
    return {
      ...count(null),
      annualReports: count('annual_report'),
      applications: count('funding_application'),
      finalReports: count('final_report'),
    };
  }

  private async societies(scope: SocietyScope): Promise<Dashboard['societies']> {
    const [byStatus, byType] = await Promise.all([
      repo.countSocietiesBy(this.db, scope, 'status'),
      repo.countSocietiesBy(this.db, scope, 'type'),
    ]);
    const tiers = await repo.societyTiers(this.db, scope);
    const tierCounts = zeroes(TIERS);
    const tierByStatus = { active: zeroes(TIERS), dormant: zeroes(TIERS) };
    for (const { status, key } of tiers) {
      const tier = TIERS.find((t) => t === key) ?? 'none';
      tierCounts[tier] += 1;
      if (status === 'active' || status === 'dormant') tierByStatus[status][tier] += 1;
    }
    const status = fill(SOCIETY_STATUSES, byStatus);
    return {
      total: Object.values(status).reduce((a, b) => a + b, 0),
      byStatus: status,
      byType: fill(SOCIETY_TYPES, byType),
      byTier: tierCounts,
      tierByStatus,
    };
  }

  private async party(scope: SocietyScope): Promise<Dashboard['partyOrganisation']> {
    const rows = await repo.countActiveSocietiesByParty(this.db, scope);
    const byKind = fill(PARTY_ORGANISATIONS, rows);
    const societies = Object.values(byKind).reduce((a, b) => a + b, 0);
    const covered = societies - byKind.none;
    return { societies, covered, coverage: share(covered, societies), byKind };
  }

  /** Participation per inspection year, over the last five years from the first with a result. */
  private async inspections(scope: SocietyScope, currentYear: number): Promise<Dashboard['inspections']> {
    const years = Array.from({ length: INSPECTION_YEARS }, (_, i) => currentYear - INSPECTION_YEARS + i);
    const rows = await repo.inspectionResultsPerYear(this.db, scope, years);
    const perYear = years.map((year) => {
      const ofYear = rows.filter((r) => r.year === year);
      const results = fill(
        INSPECTION_RESULTS,
        ofYear.flatMap((r) => (r.result ? [{ key: r.result, n: r.n }] : [])),
      );
      const notRecorded = ofYear.filter((r) => r.result === null).reduce((a, r) => a + r.n, 0);
      const expected = ofYear.reduce((a, r) => a + r.n, 0);
      const took = results.pass + results.basic_pass + results.fail;
      // A year with no result entered at all was not run on this platform: no rate rather than 0%.
      const participation = notRecorded === expected ? null : share(took, expected);
      return { year, expected, ...results, notRecorded, participation };
    });
    // Years before the first result anyone entered predate the platform: leave them out of the chart.
    const first = perYear.findIndex((y) => y.notRecorded < y.expected);
    return first === -1 ? perYear.slice(-1) : perYear.slice(first);
  }

  private async reelections(scope: SocietyScope, asOf: string): Promise<Dashboard['reelections']> {
    const rows = await repo.societiesWithTermEnd(this.db, scope);
    const items = rows
      .flatMap((row) => {
        if (!row.end_on) return [];
        const daysLeft = daysUntil(asOf, row.end_on);
        if (daysLeft > this.reelectionWarningDays) return [];
        return [{ society: { id: row.id, name: row.name }, termEndsOn: row.end_on, daysLeft, overdue: daysLeft < 0 }];
      })
      .sort((a, b) => a.daysLeft - b.daysLeft);
    return {
      warningDays: this.reelectionWarningDays,
      overdue: items.filter((i) => i.overdue).length,
      dueSoon: items.filter((i) => !i.overdue).length,
      withoutTerm: rows.filter((r) => !r.end_on).length,
      items,
    };
  }

  /** Null for callers who may not read the disqualification list (society officers, bound clients). */
  private async disqualification(principal: Principal): Promise<Dashboard['disqualification']> {
    if (!actsForAssociation(principal) && !(principal.kind === 'user' && principal.role === 'auditor')) return null;
    const list = await this.reports.disqualificationCandidates(principal);
    const items = list.items.map((i) => ({ society: { id: i.society.id, name: i.society.name }, level: i.level }));
    return {
      candidates: items.filter((i) => i.level === 'candidate').length,
      warned: items.filter((i) => i.level === 'warning').length,
      items,
    };
  }

  private async members(scope: SocietyScope, currentYear: number): Promise<NonNullable<Dashboard['members']>> {
    const first = currentYear - 4;
    const joined = await repo.membersJoinedPerYear(this.db, scope, first, currentYear);
    const bySociety = await repo.memberCountsPerSociety(this.db, scope);
    // The list behind each year's bar.
    const joinedPerSociety = await repo.membersJoinedPerSocietyAndYear(this.db, scope, first, currentYear);
    const perSociety = new Map(joinedPerSociety.map((r) => [`${r.society_id}:${r.year}`, r.joined]));
    const joinedOf = (societyId: string, year: number) => perSociety.get(`${societyId}:${year}`) ?? 0;
    return {
      stats: await memberStats(this.db, scope, null),
      joinedByYear: joined,
      bySociety: bySociety.map(({ id, name, ...rest }) => ({
        society: { id, name },
        ...rest,
        joinedByYear: joined.map(({ year }) => ({ year, joined: joinedOf(id, year) })),
      })),
    };
  }

  private async funding(scope: SocietyScope): Promise<NonNullable<Dashboard['funding']>> {
    const rows = await repo.fundingPerProgramCategory(this.db, scope);
    return rows.map((r) => ({
      programId: r.program_id,
      programName: r.program_name,
      year: r.year,
      categoryCode: r.category_code,
      categoryName: r.category_name ?? r.category_code,
      applications: r.applications,
      requestedFen: Number(r.requested_fen),
      funded: r.funded,
      grantedFen: Number(r.granted_fen),
    }));
  }
}
