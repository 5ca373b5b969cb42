import { localToday, MEMBER_CATEGORIES, MEMBER_STATUSES, TITLE_LEVELS, youthBornAfter } from '@society-hub/domain';
import { type Static, Type } from 'typebox';
import type { DB } from '../../db/connect';
import type { SocietyScope } from '../../lib/request-context';
import { DateString, Nullable, Uuid } from '../../lib/schemas';
import { memberCountsBy, memberTotals } from './member-stats.repository';

const counts = (keys: readonly string[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer({ minimum: 0 })])), { additionalProperties: false });

export const MemberStatsSchema = Type.Object(
  {
    societyId: Nullable(Uuid),
    societies: Type.Integer({ description: 'Societies counted' }),
    asOf: DateString,
    total: Type.Integer(),
    individual: Type.Integer(),
    institutional: Type.Integer(),
    byStatus: counts(MEMBER_STATUSES),
    byCategory: Type.Object(counts(MEMBER_CATEGORIES).properties, {
      description: 'Active members by category',
      additionalProperties: false,
    }),
    byTitle: Type.Object(counts(TITLE_LEVELS).properties, {
      description: 'Active members by title level',
      additionalProperties: false,
    }),
    youth: Type.Integer({ description: 'Active individual members under 40' }),
    youthShare: Nullable(Type.Number({ description: 'Of active individual members with a birth date' })),
    seniorTitles: Type.Integer({ description: 'Active individual members with 副高级 or 正高级' }),
    seniorTitleShare: Nullable(Type.Number()),
    joinedThisYear: Type.Integer(),
    joinedLastYear: Type.Integer(),
    growthRate: Nullable(Type.Number({ description: 'joinedThisYear / joinedLastYear - 1' })),
  },
  { $id: 'MemberStats', additionalProperties: false },
);
export type MemberStats = Static<typeof MemberStatsSchema>;

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** Member statistics over one society, or over every society the caller may see. */
export async function memberStats(db: DB, scope: SocietyScope, societyId: string | null): Promise<MemberStats> {
  const today = localToday();
  const year = Number(today.slice(0, 4));
  const youthCutoff = youthBornAfter(today);
  const totals = await memberTotals(db, scope, societyId, { youthCutoff, year });
  // Statuses count everyone; categories and titles describe the current membership (active members).
  const grouped = async (column: 'status' | 'category' | 'title_level') =>
    Object.fromEntries((await memberCountsBy(db, scope, societyId, column)).map((r) => [r.key, r.n]));
  const zeroed = (keys: readonly string[], found: Record<string, number>) =>
    Object.fromEntries(keys.map((k) => [k, found[k] ?? 0]));
  return {
    societyId,
    societies: totals.societies,
    asOf: today,
    total: totals.total,
    individual: totals.individual,
    institutional: totals.institutional,
    byStatus: zeroed(MEMBER_STATUSES, await grouped('status')),
    byCategory: zeroed(MEMBER_CATEGORIES, await grouped('category')),
    byTitle: zeroed(TITLE_LEVELS, await grouped('title_level')),
    youth: totals.youth,
    youthShare: ratio(totals.youth, totals.with_birth_date),
    seniorTitles: totals.senior,
    seniorTitleShare: ratio(totals.senior, totals.active_individual),
    joinedThisYear: totals.this_year,
    joinedLastYear: totals.last_year,
    growthRate: totals.last_year > 0 ? Math.round((totals.this_year / totals.last_year - 1) * 1000) / 1000 : null,
  };
}
