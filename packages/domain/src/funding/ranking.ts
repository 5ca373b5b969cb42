/**
 * Ranking within each category (SPEC §3): by score, highest first; ties go to the higher mean score on
 * the first rubric criterion, then to the earlier submission (compared as instants, so offsets do not
 * matter), and finally to the smaller application id — not a rule of merit, only so that the same input
 * always gives the same order.
 *
 * Each row says which rule separated it from the row above (`tieBreak`): null for rank 1 and whenever
 * the score alone decided; otherwise the first tie-break that differed. Categories come out in code
 * order and the result does not depend on the order of the input.
 *
 * Worked example (see ranking.test.ts): A scores 85.2; B, C, D and E score 80 with first-criterion
 * means 26, 24, 24, 24; D was submitted on 1 April, C and E at the same instant on 2 April (written
 * with different offsets). The order is A 1, B 2 (the score decided: tieBreak null), D 3
 * (first_criterion), C 4 (submitted_at), E 5 (id).
 */

import { parseRfc3339 } from './dates';
import { formatYuan } from './money';

export interface RankInput {
  applicationId: string;
  categoryCode: string;
  score: number;
  firstCriterion: number;
  submittedAt: string;
  requestedFen: number;
  adjustedFen: number | null;
}

export type TieBreak = 'score' | 'first_criterion' | 'submitted_at' | 'id';

export type RankedApplication = RankInput & { rank: number; tieBreak: TieBreak | null };

/** Unparseable timestamps sort after every real one; equal instants tie whatever their offsets. */
function submittedKey(item: RankInput): number {
  return parseRfc3339(item.submittedAt) ?? Number.POSITIVE_INFINITY;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first rule that orders `a` before or after `b`, with its sign; null only for identical ids. */
function decide(a: RankInput, b: RankInput): { rule: TieBreak; order: number } | null {
  if (a.score !== b.score) return { rule: 'score', order: b.score - a.score };
  if (a.firstCriterion !== b.firstCriterion)
    return { rule: 'first_criterion', order: b.firstCriterion - a.firstCriterion };
  const sa = submittedKey(a);
  const sb = submittedKey(b);
  if (sa !== sb) return { rule: 'submitted_at', order: sa < sb ? -1 : 1 };
  const ids = compareIds(a.applicationId, b.applicationId);
  return ids === 0 ? null : { rule: 'id', order: ids };
}

/** Ranks 1..n within each category; categories in code order. */
export function rankApplications(items: RankInput[]): RankedApplication[] {
  const byCategory = new Map<string, RankInput[]>();
  for (const item of items) {
    const group = byCategory.get(item.categoryCode);
    if (group) group.push(item);
    else byCategory.set(item.categoryCode, [item]);
  }
  const ranked: RankedApplication[] = [];
  for (const code of [...byCategory.keys()].sort(compareIds)) {
    const group = [...(byCategory.get(code) ?? [])].sort((a, b) => decide(a, b)?.order ?? 0);
    group.forEach((item, i) => {
      const above = group[i - 1];
      const rule = above ? (decide(above, item)?.rule ?? 'id') : null;
      ranked.push({ ...item, rank: i + 1, tieBreak: rule === 'score' ? null : rule });
    });
  }
  return ranked;
}

const fixed2 = (n: number) => n.toFixed(2);

/** One sentence on why `row` sits where it does, given the row ranked just above it (if any). */
export function rankExplanation(row: RankedApplication, above: RankedApplication | undefined): string {
  const basis = row.adjustedFen ?? row.requestedFen;
  const amount =
    row.adjustedFen === null
      ? `requesting ${formatYuan(basis)}`
      : `requesting ${formatYuan(row.requestedFen)}, adjusted to ${formatYuan(row.adjustedFen)}`;
  const head = `rank ${row.rank} in "${row.categoryCode}" with score ${fixed2(row.score)}, ${amount}`;
  if (!above) return `${head}: the highest score in the category`;
  switch (row.tieBreak) {
    case null:
    case 'score':
      return `${head}: below rank ${above.rank}'s score ${fixed2(above.score)}`;
    case 'first_criterion':
      return `${head}: tied on score with rank ${above.rank}, lower on the first criterion (${fixed2(row.firstCriterion)} < ${fixed2(above.firstCriterion)})`;
    case 'submitted_at':
      return `${head}: tied on score and first criterion (${fixed2(row.firstCriterion)}) with rank ${above.rank}, submitted later (${row.submittedAt} after ${above.submittedAt})`;
    case 'id':
      return `${head}: tied with rank ${above.rank} on score, first criterion and submission time; ordered by application id`;
  }
}
