import type { InspectionResult } from './annual-report';

/**
 * The "能上能下" mechanism (SPEC §1): two consecutive years inspected `absent` or `fail`, or a full
 * year `dormant`, put a society on the disqualification list (发函解除资格) with the evidence; one such
 * year is a warning.
 */
export interface DisqualificationFacts {
  /** Inspection results by year. */
  inspections: Readonly<Record<number, InspectionResult>>;
  /** When the society last became dormant, if it is dormant now. */
  dormantSince: string | null;
  today: string;
  /** The most recent inspection year that should have a result (the previous calendar year). */
  lastInspectionYear: number;
}

export interface DisqualificationEvidence {
  kind: 'inspection' | 'dormant';
  year?: number;
  result?: InspectionResult;
  since?: string;
  message: string;
  messageZh: string;
}

export interface DisqualificationAssessment {
  level: 'none' | 'warning' | 'candidate';
  evidence: DisqualificationEvidence[];
}

const BAD: readonly InspectionResult[] = ['absent', 'fail'];

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function assessDisqualification(facts: DisqualificationFacts): DisqualificationAssessment {
  const evidence: DisqualificationEvidence[] = [];
  const last = facts.lastInspectionYear;
  const lastResult = facts.inspections[last];
  // A bad year counts while it is the latest word: a pass since then clears it.
  const years = lastResult === undefined || BAD.includes(lastResult) ? [last - 1, last] : [last];
  const recent = years
    .map((year) => ({ year, result: facts.inspections[year] }))
    .filter((e): e is { year: number; result: InspectionResult } => e.result !== undefined && BAD.includes(e.result));
  for (const { year, result } of recent) {
    evidence.push({
      kind: 'inspection',
      year,
      result,
      message: `Annual inspection ${year}: ${result === 'absent' ? 'did not take part' : 'failed'}.`,
      messageZh: `${year} 年度年检${result === 'absent' ? '未参检' : '不合格'}。`,
    });
  }
  let dormantFullYear = false;
  if (facts.dormantSince) {
    const days = daysBetween(facts.dormantSince, facts.today);
    dormantFullYear = days >= 365;
    evidence.push({
      kind: 'dormant',
      since: facts.dormantSince,
      message: `Dormant since ${facts.dormantSince} (${days} days).`,
      messageZh: `自 ${facts.dormantSince} 起处于停滞状态（${days} 天）。`,
    });
  }
  const consecutiveBad = recent.length === 2;
  if (consecutiveBad || dormantFullYear) return { level: 'candidate', evidence };
  if (evidence.length > 0) return { level: 'warning', evidence };
  return { level: 'none', evidence };
}
