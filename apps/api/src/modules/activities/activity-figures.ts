import {
  ACTIVITY_KINDS,
  type ActivityFigures,
  activityFigures,
  figureDifferences,
  type KindTotals,
  localToday,
} from '@society-hub/domain';
import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import type { Principal } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import type { Trx } from '../../lib/write';
import { findReport } from '../reports/reports.repository';
import { requireSociety } from '../societies/societies.repository';
import * as repo from './activities.repository';
import type {
  ActivityStatisticsQuerySchema,
  ActivityStatisticsSchema,
  AnnualActivityFiguresSchema,
} from './activities.schemas';

/** The calendar year as a range of start dates. */
export function yearPeriod(year: number): repo.Period {
  return { from: `${year}-01-01`, before: `${year + 1}-01-01` };
}

function kindTotals(rows: Awaited<ReturnType<typeof repo.totalsByKind>>): KindTotals[] {
  return ACTIVITY_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return {
      kind,
      activities: row?.activities ?? 0,
      participants: Number(row?.participants ?? 0),
      withOutcome: row?.with_outcome ?? 0,
    };
  });
}

/**
 * The annual report's activity figures of a society for a year, counted from its held activities
 * that started in the year: what the report's figures should say (the capacity index and the report
 * read it).
 */
export async function activityFiguresFor(db: DB | Trx, societyId: string, year: number): Promise<ActivityFigures> {
  return activityFigures(
    kindTotals(await repo.totalsByKind(db, { period: yearPeriod(year), societyIds: [societyId] })),
  );
}

/**
 * The same figures for the capacity index, or null when the society recorded no held activity that
 * year (its record is kept elsewhere, and the report's typed totals stand).
 */
export async function recordedActivityFigures(
  db: DB | Trx,
  societyId: string,
  year: number,
): Promise<ActivityFigures | null> {
  const rows = await repo.totalsByKind(db, { period: yearPeriod(year), societyIds: [societyId] });
  return rows.length === 0 ? null : activityFigures(kindTotals(rows));
}

/** The activity figures as typed in a stored annual report's content (a missing one reads 0). */
function reportedFigures(content: unknown): ActivityFigures | null {
  if (typeof content !== 'object' || content === null || !('activities' in content)) return null;
  const activities: unknown = content.activities;
  if (typeof activities !== 'object' || activities === null) return null;
  const figure = (field: keyof ActivityFigures): number => {
    const value: unknown = Reflect.get(activities, field);
    return typeof value === 'number' ? value : 0;
  };
  return {
    academicExchanges: figure('academicExchanges'),
    academicParticipants: figure('academicParticipants'),
    popularisationEvents: figure('popularisationEvents'),
    popularisationParticipants: figure('popularisationParticipants'),
    advisoryReports: figure('advisoryReports'),
    advisoryAdopted: figure('advisoryAdopted'),
    brandEvents: figure('brandEvents'),
    brandParticipants: figure('brandParticipants'),
  };
}

/** A year's computed figures beside those of the year's annual report, and where they differ. */
export async function annualActivityFigures(
  db: DB,
  principal: Principal,
  societyId: string,
  year: number,
): Promise<Static<typeof AnnualActivityFiguresSchema>> {
  await requireSociety(db, principal.scope, societyId);
  const computed = await activityFiguresFor(db, societyId, year);
  const report = await findReport(db, societyId, year);
  const reported = report ? reportedFigures(report.content) : null;
  return {
    societyId,
    year,
    computed,
    reported,
    differences: reported ? figureDifferences(reported, computed) : [],
  };
}

function twelveMonths(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * City-wide totals of held activities for a year by kind, month and society, over the societies the
 * caller may see; `societyId` drills down to one (404 when the caller may not see it).
 */
export async function activityStatistics(
  db: DB,
  principal: Principal,
  query: Static<typeof ActivityStatisticsQuerySchema>,
): Promise<Static<typeof ActivityStatisticsSchema>> {
  const year = query.year ?? Number(localToday().slice(0, 4));
  if (query.societyId) await requireSociety(db, principal.scope, query.societyId);
  const scope: repo.TotalsScope = {
    period: yearPeriod(year),
    societyIds: query.societyId ? [query.societyId] : societiesReached(principal.scope),
  };
  const [byKind, byMonth, bySociety] = await Promise.all([
    repo.totalsByKind(db, scope),
    repo.totalsByMonth(db, scope),
    repo.totalsBySociety(db, scope),
  ]);
  const kinds = kindTotals(byKind);
  return {
    year,
    societyId: query.societyId ?? null,
    totals: {
      activities: kinds.reduce((n, k) => n + k.activities, 0),
      participants: kinds.reduce((n, k) => n + k.participants, 0),
    },
    byKind: kinds,
    byMonth: twelveMonths(year).map((month) => {
      const row = byMonth.find((r) => r.month === month);
      return { month, activities: row?.activities ?? 0, participants: Number(row?.participants ?? 0) };
    }),
    bySociety: bySociety.map((r) => ({
      societyId: r.society_id,
      societyName: r.society_name,
      activities: r.activities,
      participants: Number(r.participants),
    })),
  };
}
