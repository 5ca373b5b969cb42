import {
  type ApiScope,
  CAPACITY_TIERS,
  daysUntil,
  INSPECTION_RESULTS,
  localToday,
  PARTY_ORGANISATIONS,
  SOCIETY_STATUSES,
  SOCIETY_TYPES,
} from '@society-hub/domain';
import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import { actsForAssociation, type Principal, type SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { memberStats } from '../members/member-stats';
import type { ReportService } from '../reports/reports.service';
import { owesAnnualReport } from '../societies/societies.repository';
import type { Dashboard } from './dashboard.schemas';

type PilotRow = NonNullable<Dashboard['pilots']>[number];
type Tier = (typeof CAPACITY_TIERS)[number] | 'none';
const TIERS: readonly Tier[] = [...CAPACITY_TIERS, 'none'];

/** Figures that other modules contribute; the pilots module registers its own (issue 7). */
export interface DashboardSources {
  pilots(db: DB, scope: SocietyScope): Promise<PilotRow[]>;
}

export const NO_DASHBOARD_SOURCES: DashboardSources = { pilots: async () => [] };

/** An id no society has: `IN ()` is not valid SQL, and a bound caller with no societies sees nothing. */

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

  private societyIds(scope: SocietyScope): readonly string[] | null {
    return societiesReached(scope);
  }

  async dashboard(principal: Principal): Promise<Dashboard> {
    const asOf = localToday();
    const [societies, partyOrganisation, inspections, reelections, disqualification, members, funding, pilots] =
      await Promise.all([
        this.societies(principal.scope),
        this.party(principal.scope),
        this.inspections(principal.scope, Number(asOf.slice(0, 4))),
        this.reelections(principal.scope, asOf),
        this.disqualification(principal),
        when(mayRead(principal, 'members:read'), () => this.members(principal.scope, Number(asOf.slice(0, 4)))),
        when(mayRead(principal, 'funding:read'), () => this.funding(principal.scope)),
        when(mayRead(principal, 'pilots:read'), () => this.sources.pilots(this.db, principal.scope)),
      ]);
    return { asOf, societies, partyOrganisation, inspections, reelections, disqualification, members, funding, pilots };
  }

  private base(scope: SocietyScope) {
    const ids = this.societyIds(scope);
    let query = this.db.selectFrom('societies');
    if (ids) query = query.where('societies.id', 'in', ids);
    return query;
  }

  private async societies(scope: SocietyScope): Promise<Dashboard['societies']> {
    const grouped = (column: 'status' | 'type') =>
      this.base(scope)
        .select([sql<string>`${sql.ref(column)}`.as('key'), sql<number>`count(*)::int`.as('n')])
        .groupBy(column)
        .execute();
    const [byStatus, byType] = await Promise.all([grouped('status'), grouped('type')]);
    // The same expression as the registry's tier filter (societies.repository.ts), so each bar is its list.
    const tiers = await this.base(scope)
      .where('status', 'in', ['active', 'dormant'])
      .select([
        'status',
        sql<string>`coalesce((SELECT tier FROM capacity_snapshots c WHERE c.society_id = societies.id ORDER BY c.year DESC LIMIT 1), 'none')`.as(
          'key',
        ),
      ])
      .execute();
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
    const rows = await this.base(scope)
      .where('status', '=', 'active')
      .select([sql<string>`party_organisation`.as('key'), sql<number>`count(*)::int`.as('n')])
      .groupBy('party_organisation')
      .execute();
    const byKind = fill(PARTY_ORGANISATIONS, rows);
    const societies = Object.values(byKind).reduce((a, b) => a + b, 0);
    const covered = societies - byKind.none;
    return { societies, covered, coverage: share(covered, societies), byKind };
  }

  /**
   * Participation per inspection year, over the last five years from the first with a result. A society
   * is expected for a year when it owed that year's report (`owesAnnualReport`: on the registry and
   * founded by the year's end); a society with a recorded result counts whatever its status now.
   */
  private async inspections(scope: SocietyScope, currentYear: number): Promise<Dashboard['inspections']> {
    const years = Array.from({ length: INSPECTION_YEARS }, (_, i) => currentYear - INSPECTION_YEARS + i);
    const ids = this.societyIds(scope);
    const rows = await sql<{ year: number; result: string | null; n: number }>`
      WITH years AS (SELECT unnest(${years}::int[]) AS year)
      SELECT y.year, i.result, count(*)::int AS n
      FROM years y
      JOIN societies s ON (
        ${owesAnnualReport('s', sql<number>`y.year`)}
        OR EXISTS (SELECT 1 FROM inspections x WHERE x.society_id = s.id AND x.year = y.year)
      )
      LEFT JOIN inspections i ON i.society_id = s.id AND i.year = y.year
      WHERE ${ids ? sql`s.id = ANY(${ids}::uuid[])` : sql`true`}
      GROUP BY y.year, i.result`.execute(this.db);
    const perYear = years.map((year) => {
      const ofYear = rows.rows.filter((r) => r.year === year);
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
    const rows = await this.base(scope)
      .where('status', 'in', ['active', 'dormant'])
      .select(['societies.id', 'societies.name'])
      .select((eb) =>
        eb
          .selectFrom('governance_terms')
          .select('end_on')
          .whereRef('governance_terms.society_id', '=', 'societies.id')
          .orderBy('sequence', 'desc')
          .limit(1)
          .as('end_on'),
      )
      .execute();
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
    const ids = this.societyIds(scope);
    const first = currentYear - 4;
    const joined = await sql<{ year: number; joined: number }>`
      SELECT y.year, count(m.id)::int AS joined
      FROM generate_series(${first}::int, ${currentYear}::int) AS y(year)
      LEFT JOIN members m ON m.joined_on >= make_date(y.year, 1, 1) AND m.joined_on < make_date(y.year + 1, 1, 1)
        AND ${ids ? sql`m.society_id = ANY(${ids}::uuid[])` : sql`true`}
      GROUP BY y.year ORDER BY y.year`.execute(this.db);
    const bySociety = await sql<{
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
      WHERE ${ids ? sql`s.id = ANY(${ids}::uuid[])` : sql`true`}
      GROUP BY s.id, s.name ORDER BY active DESC, s.name`.execute(this.db);
    // The same years and condition as `joined`, split by society: the list behind each year's bar.
    const joinedPerSociety = await sql<{ society_id: string; year: number; joined: number }>`
      SELECT m.society_id, extract(year FROM m.joined_on)::int AS year, count(*)::int AS joined
      FROM members m
      WHERE m.joined_on >= make_date(${first}::int, 1, 1) AND m.joined_on < make_date(${currentYear}::int + 1, 1, 1)
        AND ${ids ? sql`m.society_id = ANY(${ids}::uuid[])` : sql`true`}
      GROUP BY m.society_id, extract(year FROM m.joined_on)`.execute(this.db);
    const perSociety = new Map(joinedPerSociety.rows.map((r) => [`${r.society_id}:${r.year}`, r.joined]));
    const joinedOf = (societyId: string, year: number) => perSociety.get(`${societyId}:${year}`) ?? 0;
    return {
      stats: await memberStats(this.db, scope, null),
      joinedByYear: joined.rows,
      bySociety: bySociety.rows.map(({ id, name, ...rest }) => ({
        society: { id, name },
        ...rest,
        joinedByYear: joined.rows.map(({ year }) => ({ year, joined: joinedOf(id, year) })),
      })),
    };
  }

  private async funding(scope: SocietyScope): Promise<NonNullable<Dashboard['funding']>> {
    const ids = this.societyIds(scope);
    // Category names live in the program's own category list (each call defines its categories).
    const rows = await sql<{
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
      WHERE ${ids ? sql`a.society_id = ANY(${ids}::uuid[])` : sql`true`}
      GROUP BY p.id, p.name, p.year, p.categories, a.category_code
      HAVING count(*) FILTER (WHERE a.status NOT IN ('draft', 'withdrawn')) > 0
      ORDER BY p.year DESC, p.name, a.category_code`.execute(this.db);
    return rows.rows.map((r) => ({
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
