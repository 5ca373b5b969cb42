/**
 * The capacity index (综合能力): the "six capabilities" of seeds/000 scored 0–100 each from the
 * society's governance, its latest annual report and — when those modules provide them — its funding
 * and pilot history, with a weighted total and a tier matching the classification of seeds/001:
 *
 *   A  sound and highly active      (健全、活跃)     total ≥ 80 and no governance rule failing
 *   B  sound, ordinary activity     (健全、一般)     total ≥ 60
 *   C  incomplete, irregular        (不健全、不正常) total ≥ 40
 *   D  stagnant                     (停滞)           total < 40, or the society is dormant
 *
 * Every point is explained: each input, its value, the target that earns the full points, and the
 * points it earned. A sub-score is the sum of its inputs' points (each capped at its maximum), so it
 * always lies in 0–100 and never falls when an input improves.
 *
 * Worked example (see capacity.test.ts): a society with all eight governance rules passing, a party
 * branch, a full-time secretary-general and two full-time staff scores 100 for organisation; with
 * 4 of 5 member-home elements, 8 % new members and 24 % youth it scores 40·4/5 + 30·0.8 + 30·0.8 = 80
 * for member service.
 */
import type { RuleStatus } from './rules';

export const CAPABILITIES = [
  'organisation', // 组织建设
  'member_service', // 会员服务
  'academic_exchange', // 学术交流
  'service_to_society', // 服务社会和政府
  'advisory', // 建言献策
  'brand', // 品牌活动
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CAPACITY_TIERS = ['A', 'B', 'C', 'D'] as const;
export type CapacityTier = (typeof CAPACITY_TIERS)[number];

export interface CapacityInputs {
  governance: readonly RuleStatus[];
  partyOrganisation: boolean;
  secretaryGeneralFullTime: boolean;
  dormant: boolean;
  /** From the latest annual report; null when none was filed. */
  report: {
    fullTimeStaff: number;
    memberHomeElements: number;
    individualMembers: number;
    newIndividualMembers: number;
    youthMembers: number;
    academicExchanges: number;
    academicParticipants: number;
    popularisationEvents: number;
    popularisationParticipants: number;
    advisoryReports: number;
    advisoryAdopted: number;
    brandEvents: number;
    brandParticipants: number;
  } | null;
  /** Pluggable history from the funding module (zeros until it exists). */
  funding: { fundedProjects: number; completedProjects: number };
  /** Pluggable history from the pilots module. */
  pilots: { completed: number; averageSatisfaction: number | null };
}

export interface CapacityContribution {
  capability: Capability;
  input: string;
  label: string;
  labelZh: string;
  value: number | boolean | null;
  /** The value that earns the full points (true for yes/no inputs). */
  target: number | boolean;
  points: number;
  maxPoints: number;
}

export interface CapacityIndex {
  subScores: Record<Capability, number>;
  weights: Record<Capability, number>;
  total: number;
  tier: CapacityTier;
  tierReason: string;
  tierReasonZh: string;
  contributions: CapacityContribution[];
}

export const DEFAULT_CAPACITY_WEIGHTS: Record<Capability, number> = {
  organisation: 1,
  member_service: 1,
  academic_exchange: 1,
  service_to_society: 1,
  advisory: 1,
  brand: 1,
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Points for reaching `target`, proportionally below it, capped at `max`. */
function scaled(value: number, target: number, max: number): number {
  if (!(value > 0) || target <= 0) return 0;
  return Math.min(value / target, 1) * max;
}

type Spec = Omit<CapacityContribution, 'points'> & { points?: number };

export function computeCapacity(
  inputs: CapacityInputs,
  weights: Record<Capability, number> = DEFAULT_CAPACITY_WEIGHTS,
): CapacityIndex {
  const r = inputs.report;
  const specs: Spec[] = [];
  const add = (
    capability: Capability,
    input: string,
    label: string,
    labelZh: string,
    value: number | boolean | null,
    target: number | boolean,
    maxPoints: number,
  ) => specs.push({ capability, input, label, labelZh, value, target, maxPoints });

  const governanceShare = inputs.governance.length
    ? inputs.governance.reduce((sum, s) => sum + (s === 'pass' ? 1 : s === 'warn' ? 0.5 : 0), 0) /
      inputs.governance.length
    : 0;
  add(
    'organisation',
    'governance',
    'Governance rules met (warn counts half)',
    '治理规则达标率（警示计一半）',
    round1(governanceShare * 100),
    100,
    60,
  );
  add(
    'organisation',
    'partyOrganisation',
    'Party organisation established',
    '建立党组织',
    inputs.partyOrganisation,
    true,
    15,
  );
  add(
    'organisation',
    'secretaryGeneralFullTime',
    'Full-time secretary-general',
    '专职秘书长',
    inputs.secretaryGeneralFullTime,
    true,
    10,
  );
  add('organisation', 'fullTimeStaff', 'Full-time staff', '专职工作人员', r?.fullTimeStaff ?? null, 2, 15);

  const share = (part: number | undefined, whole: number | undefined) =>
    whole && part !== undefined ? part / whole : 0;
  add(
    'member_service',
    'memberHome',
    '"Member home" elements met (of 5)',
    '“会员之家”达标项（共 5 项）',
    r?.memberHomeElements ?? null,
    5,
    40,
  );
  add(
    'member_service',
    'newMemberShare',
    'New members, % of individual members',
    '新发展会员占个人会员比例（%）',
    r ? round1(share(r.newIndividualMembers, r.individualMembers) * 100) : null,
    10,
    30,
  );
  add(
    'member_service',
    'youthShare',
    'Members under 40, % of individual members',
    '40 岁以下会员比例（%）',
    r ? round1(share(r.youthMembers, r.individualMembers) * 100) : null,
    30,
    30,
  );

  add(
    'academic_exchange',
    'academicExchanges',
    'Academic exchanges held',
    '学术交流活动（次）',
    r?.academicExchanges ?? null,
    6,
    60,
  );
  add(
    'academic_exchange',
    'academicParticipants',
    'Academic exchange participants',
    '学术交流参与人次',
    r?.academicParticipants ?? null,
    600,
    40,
  );

  add(
    'service_to_society',
    'popularisationEvents',
    'Science popularisation events',
    '科普活动（次）',
    r?.popularisationEvents ?? null,
    10,
    40,
  );
  add(
    'service_to_society',
    'popularisationParticipants',
    'Science popularisation participants',
    '科普活动参与人次',
    r?.popularisationParticipants ?? null,
    3000,
    20,
  );
  add(
    'service_to_society',
    'pilotsCompleted',
    'Government-function pilots completed',
    '完成承接政府职能试点（项）',
    inputs.pilots.completed,
    1,
    20,
  );
  add(
    'service_to_society',
    'pilotSatisfaction',
    'Departments’ satisfaction with pilots',
    '试点委托部门满意度',
    inputs.pilots.averageSatisfaction,
    100,
    20,
  );

  add(
    'advisory',
    'advisoryReports',
    'Advisory reports submitted',
    '提交决策咨询报告（篇）',
    r?.advisoryReports ?? null,
    3,
    60,
  );
  add(
    'advisory',
    'advisoryAdopted',
    'Advisory reports adopted or endorsed',
    '被采纳或获批示（篇）',
    r?.advisoryAdopted ?? null,
    1,
    40,
  );

  add('brand', 'brandEvents', 'Brand events held', '品牌活动（次）', r?.brandEvents ?? null, 2, 50);
  add(
    'brand',
    'brandParticipants',
    'Brand event participants',
    '品牌活动参与人次',
    r?.brandParticipants ?? null,
    1000,
    30,
  );
  add(
    'brand',
    'fundedProjects',
    'Projects funded by the Association',
    '获市科协项目资助（项）',
    inputs.funding.fundedProjects,
    2,
    20,
  );

  const contributions: CapacityContribution[] = specs.map((spec) => {
    const points =
      typeof spec.value === 'boolean'
        ? spec.value
          ? spec.maxPoints
          : 0
        : typeof spec.target === 'number' && spec.value !== null
          ? scaled(spec.value, spec.target, spec.maxPoints)
          : 0;
    return { ...spec, points: round1(points) };
  });

  const score = (c: Capability) =>
    round1(
      Math.min(
        100,
        contributions.filter((x) => x.capability === c).reduce((sum, x) => sum + x.points, 0),
      ),
    );
  const subScores: Record<Capability, number> = {
    organisation: score('organisation'),
    member_service: score('member_service'),
    academic_exchange: score('academic_exchange'),
    service_to_society: score('service_to_society'),
    advisory: score('advisory'),
    brand: score('brand'),
  };
  const weightSum = CAPABILITIES.reduce((sum, c) => sum + Math.max(0, weights[c]), 0) || 1;
  const total = round1(CAPABILITIES.reduce((sum, c) => sum + subScores[c] * Math.max(0, weights[c]), 0) / weightSum);

  const governanceFails = inputs.governance.includes('fail');
  let tier: CapacityTier;
  let tierReason: string;
  let tierReasonZh: string;
  if (inputs.dormant) {
    tier = 'D';
    tierReason = 'The society is dormant.';
    tierReasonZh = '学会处于停滞状态。';
  } else if (total >= 80 && !governanceFails) {
    tier = 'A';
    tierReason = `Total ${total} ≥ 80 and no governance rule fails.`;
    tierReasonZh = `综合得分 ${total}（≥ 80），且无不达标的治理规则。`;
  } else if (total >= 60) {
    tier = 'B';
    tierReason = total >= 80 ? `Total ${total} ≥ 80, but a governance rule fails.` : `Total ${total} is 60–80.`;
    tierReasonZh = total >= 80 ? `综合得分 ${total}（≥ 80），但有治理规则不达标。` : `综合得分 ${total}（60–80）。`;
  } else if (total >= 40) {
    tier = 'C';
    tierReason = `Total ${total} is 40–60.`;
    tierReasonZh = `综合得分 ${total}（40–60）。`;
  } else {
    tier = 'D';
    tierReason = `Total ${total} < 40.`;
    tierReasonZh = `综合得分 ${total}（< 40）。`;
  }
  return { subScores, weights: { ...weights }, total, tier, tierReason, tierReasonZh, contributions };
}
