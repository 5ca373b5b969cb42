/**
 * The dashboard's figures as charts draw them and as their exports write them: one place turns the API's
 * numbers into rows, so what a person sees and what they download always agree.
 */
import {
  CAPACITY_TIERS,
  INSPECTION_RESULTS,
  MEMBER_CATEGORIES,
  PARTY_ORGANISATIONS,
  SOCIETY_STATUSES,
} from '@society-hub/domain';
import type { TableCell } from '@/lib/table-file';
import type { Dashboard } from '../api/get-dashboard';

export type Members = NonNullable<Dashboard['members']>;
export type FundingRow = NonNullable<Dashboard['funding']>[number];
export type PilotRow = NonNullable<Dashboard['pilots']>[number];

export interface Point {
  key: string;
  name: string;
  value: number;
}

export interface Labels {
  status: (key: (typeof SOCIETY_STATUSES)[number]) => string;
  tier: (key: (typeof CAPACITY_TIERS)[number] | 'none') => string;
  party: (key: (typeof PARTY_ORGANISATIONS)[number]) => string;
  inspection: (key: (typeof INSPECTION_RESULTS)[number] | 'notRecorded') => string;
  category: (key: (typeof MEMBER_CATEGORIES)[number]) => string;
}

export function statusPoints(d: Dashboard, l: Labels): Point[] {
  return SOCIETY_STATUSES.map((key) => ({ key, name: l.status(key), value: d.societies.byStatus[key] })).filter(
    (p) => p.value > 0,
  );
}

export const TIERS = [...CAPACITY_TIERS, 'none'] as const;
/** The statuses the tier chart stacks: only societies on the registry are assessed. */
export const TIER_STATUSES = ['active', 'dormant'] as const;

export function tierPoints(d: Dashboard, l: Labels): Point[] {
  return TIERS.map((key) => ({ key, name: l.tier(key), value: d.societies.byTier[key] }));
}

/** The tier chart's export: a row per tier, a column per status and the total, as drawn. */
export function tierRows(d: Dashboard, l: Labels, header: { tier: string; total: string }): TableCell[][] {
  return [
    [header.tier, ...TIER_STATUSES.map((s) => l.status(s)), header.total],
    ...TIERS.map((tier) => [
      l.tier(tier),
      ...TIER_STATUSES.map((s) => d.societies.tierByStatus[s][tier]),
      d.societies.byTier[tier],
    ]),
  ];
}

export function partyPoints(d: Dashboard, l: Labels): Point[] {
  return PARTY_ORGANISATIONS.map((key) => ({ key, name: l.party(key), value: d.partyOrganisation.byKind[key] })).filter(
    (p) => p.value > 0,
  );
}

export function categoryPoints(members: Members, l: Labels): Point[] {
  return MEMBER_CATEGORIES.map((key) => ({
    key,
    name: l.category(key),
    value: members.stats.byCategory[key],
  })).filter((p) => p.value > 0);
}

/** Members joining each of the last five years, oldest first. */
export function joinedPoints(members: Members): Point[] {
  return members.joinedByYear.map((y) => ({ key: String(y.year), name: String(y.year), value: y.joined }));
}

export const INSPECTION_SERIES = [...INSPECTION_RESULTS, 'notRecorded'] as const;
export type InspectionSeries = (typeof INSPECTION_SERIES)[number];

export function inspectionValue(year: Dashboard['inspections'][number], key: InspectionSeries): number {
  return key === 'notRecorded' ? year.notRecorded : year[key];
}

/** Participation as a whole percentage, for the line over the bars. */
export function participationPercent(year: Dashboard['inspections'][number]): number | null {
  return year.participation === null ? null : Math.round(year.participation * 1000) / 10;
}

export interface FundingCell {
  year: number;
  categoryCode: string;
  categoryName: string;
  requestedFen: number;
  grantedFen: number;
  rows: FundingRow[];
}

/** Funding per year and category (several programs in one year add up), oldest year first. */
export function fundingByYear(funding: readonly FundingRow[]): {
  years: number[];
  categories: { code: string; name: string }[];
  cells: FundingCell[];
} {
  const years = [...new Set(funding.map((r) => r.year))].sort((a, b) => a - b);
  const categories: { code: string; name: string }[] = [];
  for (const r of funding) {
    if (!categories.some((c) => c.code === r.categoryCode))
      categories.push({ code: r.categoryCode, name: r.categoryName });
  }
  const cells = years.flatMap((year) =>
    categories.map((c) => {
      const rows = funding.filter((r) => r.year === year && r.categoryCode === c.code);
      return {
        year,
        categoryCode: c.code,
        categoryName: c.name,
        requestedFen: rows.reduce((sum, r) => sum + r.requestedFen, 0),
        grantedFen: rows.reduce((sum, r) => sum + r.grantedFen, 0),
        rows,
      };
    }),
  );
  return { years, categories, cells };
}

/** Pilots per function (rows) and status (series). */
export function pilotsByFunction(pilots: readonly PilotRow[]) {
  const functions: { code: string; name: string }[] = [];
  for (const r of pilots) {
    if (!functions.some((f) => f.code === r.functionCode))
      functions.push({ code: r.functionCode, name: r.functionName });
  }
  const statuses = [...new Set(pilots.map((r) => r.status))];
  const count = (code: string, status: string) =>
    pilots.filter((r) => r.functionCode === code && r.status === status).reduce((sum, r) => sum + r.pilots, 0);
  return { functions, statuses, count };
}

/** A header row, then one row a point: what a simple chart's export holds. */
export function pointRows(header: [string, string], points: readonly Point[]): TableCell[][] {
  return [header, ...points.map((p) => [p.name, p.value])];
}
