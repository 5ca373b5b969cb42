/**
 * The eight governance rules of SPEC §1 (from the Tianjin reform plan in seeds/004 and CAST's
 * 全国学会组织通则). Each is evaluated to pass / warn / fail with an explanation that names the numbers,
 * so the Association's staff can act on it and the society can see why.
 */
import { countOf } from '../plural';

export const COUNCIL_POSITIONS = [
  'chair', // 理事长
  'vice_chair', // 副理事长
  'secretary_general', // 秘书长
  'standing_director', // 常务理事
  'director', // 理事
  'chief_supervisor', // 监事长
  'supervisor', // 监事
] as const;
export type CouncilPosition = (typeof COUNCIL_POSITIONS)[number];

/** Supervisors sit on the supervisory board, not on the council. */
export const SUPERVISOR_POSITIONS: readonly CouncilPosition[] = ['chief_supervisor', 'supervisor'];

export interface RosterEntry {
  personName: string;
  position: CouncilPosition;
  /** Member of the standing council (常务理事会). */
  standing: boolean;
  /** A frontline scientist or engineer (基层一线科技工作者). */
  frontline: boolean;
  birthYear: number | null;
  /** A serving or retired official holding the post (在职/退离休领导干部兼职). */
  official: boolean;
  /** Reference of the approval an official's post needs. */
  approvalRef: string | null;
  /** Where the person works; tells namesakes apart when a birth year is missing. */
  employer?: string | null;
}

export interface TermFacts {
  /** 第 N 届 */
  sequence: number;
  startOn: string;
  endOn: string;
  /** Members' representatives at the congress that elected this council. */
  representatives: number | null;
  roster: readonly RosterEntry[];
}

export interface GovernanceThresholds {
  /** Council size at most this share of the representatives (1/3). */
  councilToRepresentatives: number;
  /** Share of council members who are frontline scientists, at least (3/4). */
  frontlineCouncil: number;
  /** Share of standing council members who are frontline scientists, at least (2/3). */
  frontlineStanding: number;
  /** Standing council at most this share of the council (1/3). */
  standingToCouncil: number;
  maxTermYears: number;
  /** Re-election due within this many days is a warning. */
  reelectionWarningDays: number;
  /** Consecutive terms a chair or secretary-general may serve. */
  maxConsecutiveTerms: number;
  maxAgeAtElection: number;
}

export const DEFAULT_GOVERNANCE_THRESHOLDS: GovernanceThresholds = Object.freeze({
  councilToRepresentatives: 1 / 3,
  frontlineCouncil: 3 / 4,
  frontlineStanding: 2 / 3,
  standingToCouncil: 1 / 3,
  maxTermYears: 5,
  reelectionWarningDays: 180,
  maxConsecutiveTerms: 2,
  maxAgeAtElection: 70,
});

export const GOVERNANCE_RULES = [
  'council_size',
  'council_frontline',
  'standing_frontline',
  'standing_size',
  'term_and_reelection',
  'leader_terms_and_age',
  'supervisors_present',
  'officials_approved',
] as const;
export type GovernanceRule = (typeof GOVERNANCE_RULES)[number];
export type RuleStatus = 'pass' | 'warn' | 'fail';

export interface RuleResult {
  rule: GovernanceRule;
  status: RuleStatus;
  explanation: string;
  explanationZh: string;
}

/** Tolerates floating-point thirds: 10 of 30 is exactly one third. */
const EPSILON = 1e-9;
const atMost = (part: number, whole: number, share: number) => part <= whole * share + EPSILON;
const atLeast = (part: number, whole: number, share: number) => part + EPSILON >= whole * share;

function fraction(share: number): string {
  for (const d of [2, 3, 4, 5, 10]) {
    const n = Math.round(share * d);
    if (Math.abs(n / d - share) < EPSILON) return `${n}/${d}`;
  }
  return share.toFixed(2);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The same calendar day `years` later (29 February falls back to 28 February). */
function addYears(date: string, years: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCDate() !== d) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

const result = (rule: GovernanceRule, status: RuleStatus, explanation: string, explanationZh: string): RuleResult => ({
  rule,
  status,
  explanation,
  explanationZh,
});

const noTerm = (rule: GovernanceRule): RuleResult =>
  result(rule, 'warn', 'No governance term is recorded yet.', '尚未登记本届理事会（换届）信息。');

export interface GovernanceFacts {
  /** Terms oldest first; the last one is current. */
  terms: readonly TermFacts[];
  today: string;
}

function councilOf(roster: readonly RosterEntry[]): RosterEntry[] {
  return roster.filter((m) => !SUPERVISOR_POSITIONS.includes(m.position));
}

/**
 * The form in which people's names are compared across rosters: Unicode NFKC (full-width letters and
 * the ideographic space become their plain forms), every whitespace and zero-width character removed
 * ("王 连任" is "王连任"), Latin letters lower-cased.
 */
export function personNameKey(name: string | null | undefined): string {
  return (name ?? '')
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '')
    .toLowerCase();
}

/**
 * Whether two roster entries are the same person, not namesakes: the same name (`personNameKey`), and
 * nothing known that tells them apart — birth years that differ, or, where a birth year is missing on
 * either side, employers that are both known and differ. With neither to compare, the name decides.
 */
export function samePerson(
  a: Pick<RosterEntry, 'personName' | 'birthYear' | 'employer'>,
  b: Pick<RosterEntry, 'personName' | 'birthYear' | 'employer'>,
): boolean {
  const name = personNameKey(a.personName);
  if (name === '' || name !== personNameKey(b.personName)) return false;
  if (a.birthYear !== null && b.birthYear !== null) return a.birthYear === b.birthYear;
  const employerA = personNameKey(a.employer);
  const employerB = personNameKey(b.employer);
  return employerA === '' || employerB === '' || employerA === employerB;
}

/** Evaluates every rule in order; never throws on incomplete data (that is a warning, not an error). */
export function evaluateGovernance(
  facts: GovernanceFacts,
  thresholds: GovernanceThresholds = DEFAULT_GOVERNANCE_THRESHOLDS,
): RuleResult[] {
  const current = facts.terms.at(-1);
  if (!current) return GOVERNANCE_RULES.map(noTerm);
  const council = councilOf(current.roster);
  const standing = council.filter((m) => m.standing);
  const t = thresholds;
  const results: RuleResult[] = [];

  // 1. council size ≤ 1/3 of member representatives
  if (current.representatives === null || current.representatives <= 0) {
    results.push(
      result('council_size', 'warn', 'The number of member representatives is not recorded.', '未登记会员代表人数。'),
    );
  } else {
    const limit = Math.floor(current.representatives * t.councilToRepresentatives + EPSILON);
    const ok = atMost(council.length, current.representatives, t.councilToRepresentatives);
    results.push(
      result(
        'council_size',
        ok ? 'pass' : 'fail',
        `The council has ${countOf(council.length, 'member')} for ${countOf(current.representatives, 'representative')}; at most ${fraction(t.councilToRepresentatives)} (${limit}) allowed.`,
        `理事会 ${council.length} 人，会员代表 ${current.representatives} 人；理事人数应不超过代表人数的 ${fraction(t.councilToRepresentatives)}（${limit} 人）。`,
      ),
    );
  }

  // 2. ≥ 3/4 of council are frontline scientists
  const frontline = council.filter((m) => m.frontline).length;
  if (council.length === 0) {
    results.push(result('council_frontline', 'warn', 'The council roster is empty.', '理事会名单为空。'));
  } else {
    const needed = Math.ceil(council.length * t.frontlineCouncil - EPSILON);
    results.push(
      result(
        'council_frontline',
        atLeast(frontline, council.length, t.frontlineCouncil) ? 'pass' : 'fail',
        `${frontline} of ${council.length} council members are frontline scientists; at least ${fraction(t.frontlineCouncil)} (${needed}) required.`,
        `理事会 ${council.length} 人中基层一线科技工作者 ${frontline} 人；应不少于 ${fraction(t.frontlineCouncil)}（${needed} 人）。`,
      ),
    );
  }

  // 3. ≥ 2/3 of standing council are frontline scientists
  const standingFrontline = standing.filter((m) => m.frontline).length;
  if (standing.length === 0) {
    results.push(result('standing_frontline', 'warn', 'No standing council members are recorded.', '未登记常务理事。'));
  } else {
    const needed = Math.ceil(standing.length * t.frontlineStanding - EPSILON);
    results.push(
      result(
        'standing_frontline',
        atLeast(standingFrontline, standing.length, t.frontlineStanding) ? 'pass' : 'fail',
        `${standingFrontline} of ${standing.length} standing council members are frontline scientists; at least ${fraction(t.frontlineStanding)} (${needed}) required.`,
        `常务理事 ${standing.length} 人中基层一线科技工作者 ${standingFrontline} 人；应不少于 ${fraction(t.frontlineStanding)}（${needed} 人）。`,
      ),
    );
  }

  // 4. standing council ≤ 1/3 of council
  if (council.length === 0) {
    results.push(result('standing_size', 'warn', 'The council roster is empty.', '理事会名单为空。'));
  } else {
    const limit = Math.floor(council.length * t.standingToCouncil + EPSILON);
    results.push(
      result(
        'standing_size',
        atMost(standing.length, council.length, t.standingToCouncil) ? 'pass' : 'fail',
        `The standing council has ${countOf(standing.length, 'member')} for a council of ${council.length}; at most ${fraction(t.standingToCouncil)} (${limit}) allowed.`,
        `常务理事 ${standing.length} 人，理事 ${council.length} 人；常务理事应不超过理事的 ${fraction(t.standingToCouncil)}（${limit} 人）。`,
      ),
    );
  }

  // 5. term ≤ 5 years; re-election not overdue; due within 180 days is a warning
  const daysLeft = daysBetween(facts.today, current.endOn);
  if (current.endOn > addYears(current.startOn, t.maxTermYears)) {
    results.push(
      result(
        'term_and_reelection',
        'fail',
        `Term ${current.sequence} runs ${current.startOn} to ${current.endOn}, longer than ${t.maxTermYears} years.`,
        `第 ${current.sequence} 届任期 ${current.startOn} 至 ${current.endOn}，超过 ${t.maxTermYears} 年。`,
      ),
    );
  } else if (daysLeft < 0) {
    results.push(
      result(
        'term_and_reelection',
        'fail',
        `Term ${current.sequence} ended on ${current.endOn}; re-election is ${-daysLeft} days overdue.`,
        `第 ${current.sequence} 届任期已于 ${current.endOn} 届满，换届已逾期 ${-daysLeft} 天。`,
      ),
    );
  } else if (daysLeft <= t.reelectionWarningDays) {
    results.push(
      result(
        'term_and_reelection',
        'warn',
        `Term ${current.sequence} ends on ${current.endOn}, in ${daysLeft} days: prepare the re-election.`,
        `第 ${current.sequence} 届任期将于 ${current.endOn} 届满（还剩 ${daysLeft} 天），请筹备换届。`,
      ),
    );
  } else {
    results.push(
      result(
        'term_and_reelection',
        'pass',
        `Term ${current.sequence} runs ${current.startOn} to ${current.endOn}; ${daysLeft} days left.`,
        `第 ${current.sequence} 届任期 ${current.startOn} 至 ${current.endOn}，距届满 ${daysLeft} 天。`,
      ),
    );
  }

  // 6. chair and secretary-general: at most 2 consecutive terms, age ≤ 70 at election
  const leaderProblems: { en: string; zh: string }[] = [];
  const leaderUnknown: { en: string; zh: string }[] = [];
  for (const position of ['chair', 'secretary_general'] as const) {
    const label = position === 'chair' ? { en: 'chair', zh: '理事长' } : { en: 'secretary-general', zh: '秘书长' };
    const holder = current.roster.find((m) => m.position === position);
    if (!holder) {
      leaderUnknown.push({ en: `no ${label.en} recorded`, zh: `未登记${label.zh}` });
      continue;
    }
    let consecutive = 0;
    for (let i = facts.terms.length - 1; i >= 0; i--) {
      const earlier = facts.terms[i]?.roster.find((m) => m.position === position);
      if (!earlier || !samePerson(earlier, holder)) break;
      consecutive += 1;
    }
    if (consecutive > t.maxConsecutiveTerms) {
      leaderProblems.push({
        en: `${label.en} ${holder.personName} is in a ${ordinal(consecutive)} consecutive term (at most ${t.maxConsecutiveTerms})`,
        zh: `${label.zh}${holder.personName}已连续任职 ${consecutive} 届（最多 ${t.maxConsecutiveTerms} 届）`,
      });
    }
    if (holder.birthYear === null) {
      leaderUnknown.push({ en: `${label.en}'s birth year is not recorded`, zh: `${label.zh}出生年份未登记` });
    } else {
      const age = Number(current.startOn.slice(0, 4)) - holder.birthYear;
      if (age > t.maxAgeAtElection) {
        leaderProblems.push({
          en: `${label.en} ${holder.personName} was ${age} at election (at most ${t.maxAgeAtElection})`,
          zh: `${label.zh}${holder.personName}当选时 ${age} 岁（不超过 ${t.maxAgeAtElection} 岁）`,
        });
      }
    }
  }
  if (leaderProblems.length) {
    results.push(
      result(
        'leader_terms_and_age',
        'fail',
        `${capitalise(leaderProblems.map((p) => p.en).join('; '))}.`,
        `${leaderProblems.map((p) => p.zh).join('；')}。`,
      ),
    );
  } else if (leaderUnknown.length) {
    results.push(
      result(
        'leader_terms_and_age',
        'warn',
        `Cannot check fully: ${leaderUnknown.map((p) => p.en).join('; ')}.`,
        `无法完整核查：${leaderUnknown.map((p) => p.zh).join('；')}。`,
      ),
    );
  } else {
    results.push(
      result(
        'leader_terms_and_age',
        'pass',
        `Chair and secretary-general are within ${t.maxConsecutiveTerms} consecutive terms and were at most ${t.maxAgeAtElection} at election.`,
        `理事长、秘书长连任未超过 ${t.maxConsecutiveTerms} 届，当选时年龄未超过 ${t.maxAgeAtElection} 岁。`,
      ),
    );
  }

  // 7. supervisors present
  const supervisors = current.roster.filter((m) => SUPERVISOR_POSITIONS.includes(m.position)).length;
  results.push(
    supervisors > 0
      ? result(
          'supervisors_present',
          'pass',
          `${countOf(supervisors, 'supervisor')} recorded.`,
          `已设监事 ${supervisors} 人。`,
        )
      : result(
          'supervisors_present',
          'fail',
          'No supervisor or board of supervisors is recorded.',
          '未设监事或监事会。',
        ),
  );

  // 8. officials holding posts have an approval reference
  const officials = current.roster.filter((m) => m.official);
  const unapproved = officials.filter((m) => !m.approvalRef?.trim());
  results.push(
    unapproved.length
      ? result(
          'officials_approved',
          'fail',
          `${unapproved.length} of ${officials.length} officials holding posts lack an approval reference: ${unapproved.map((m) => m.personName).join(', ')}.`,
          `${officials.length} 名兼职领导干部中 ${unapproved.length} 人缺少审批文号：${unapproved.map((m) => m.personName).join('、')}。`,
        )
      : result(
          'officials_approved',
          'pass',
          officials.length
            ? `All ${officials.length} officials holding posts have an approval reference.`
            : 'No officials hold posts.',
          officials.length ? `${officials.length} 名兼职领导干部均有审批文号。` : '无领导干部兼职。',
        ),
  );
  return results;
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? 'st'
      : n % 10 === 2 && n % 100 !== 12
        ? 'nd'
        : n % 10 === 3 && n % 100 !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The worst status among the results: what a checklist header shows. */
export function overallStatus(results: readonly RuleResult[]): RuleStatus {
  if (results.some((r) => r.status === 'fail')) return 'fail';
  if (results.some((r) => r.status === 'warn')) return 'warn';
  return 'pass';
}
