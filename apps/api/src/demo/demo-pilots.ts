import { addCalendarDays, localToday, type PilotMode, type PilotStatus } from '@society-hub/domain';
import { uuidv7 } from 'uuidv7';
import { PILOT } from '../lib/lifecycles';
import type { Change, Trx } from '../lib/write';

interface DemoSociety {
  id: string;
  status: string;
  index: number;
}

interface DemoPilot {
  functionCode: string;
  department: string;
  title: string;
  scope: string;
  legalBasis: string;
  mode: PilotMode;
  status: PilotStatus;
  /** Start, relative to today, in days; the pilot runs a year. */
  startsIn: number;
  contractYuan: number;
  /** Milestones: due relative to the start (days), and done how many days after due (null = not yet). */
  milestones: { name: string; dueAfter: number; doneLate: number | null; accepted?: boolean }[];
  satisfaction?: number;
  comments?: string;
  qualifications?: { code: string; evidence: string }[];
}

/** The year the demo is loaded in: the pilots' texts name years relative to it, as their dates are. */
const YEAR = new Date().getFullYear();

const PILOTS: DemoPilot[] = [
  {
    functionCode: 'technology_evaluation',
    department: '市科学技术局',
    title: '市级科技计划项目绩效评估',
    scope: `${YEAR - 1} 年度市级科技计划项目结题绩效评估，约 120 项。`,
    legalBasis: '《关于深化科技体制改革的实施意见》；市科技局委托协议',
    mode: 'part',
    status: 'completed',
    startsIn: -420,
    contractYuan: 380_000,
    milestones: [
      { name: '评估方案与指标体系', dueAfter: 45, doneLate: -3, accepted: true },
      { name: '专家评审与现场核查', dueAfter: 200, doneLate: 0, accepted: true },
      { name: '评估总报告', dueAfter: 330, doneLate: 5, accepted: true },
    ],
    satisfaction: 92,
    comments: '评估规范、结论客观，专家组构成合理。',
  },
  {
    functionCode: 'group_standards',
    department: '市市场监督管理局',
    title: '智能制造装备团体标准研制',
    scope: '研制《工业机器人安全运行维护规范》等 3 项团体标准。',
    legalBasis: '《团体标准管理规定》',
    mode: 'whole',
    status: 'in_progress',
    startsIn: -150,
    contractYuan: 260_000,
    milestones: [
      { name: '立项与起草组成立', dueAfter: 30, doneLate: 0, accepted: true },
      { name: '征求意见稿', dueAfter: 120, doneLate: 12 },
      { name: '专家审查', dueAfter: 160, doneLate: null },
      { name: '发布与备案', dueAfter: 300, doneLate: null },
    ],
    qualifications: [{ code: 'standards_registration', evidence: '全国团体标准信息平台注册号 T/HCME' }],
  },
  {
    functionCode: 'third_party_evaluation',
    department: '市财政局',
    title: '科普惠农专项资金第三方评估',
    scope: `对 ${YEAR - 2}–${YEAR - 1} 年科普惠农专项资金使用情况开展第三方评估。`,
    legalBasis: '《政府购买服务管理办法》',
    mode: 'purchased_service',
    status: 'midterm_review',
    startsIn: -200,
    contractYuan: 150_000,
    milestones: [
      { name: '评估工作方案', dueAfter: 20, doneLate: 0, accepted: true },
      { name: '中期评估报告', dueAfter: 180, doneLate: 2 },
      { name: '终期评估报告', dueAfter: 340, doneLate: null },
    ],
    satisfaction: 85,
    comments: '中期成果按期提交，建议补充基层走访样本。',
  },
  {
    functionCode: 'decision_consulting',
    department: '市发展和改革委员会',
    title: '海川市氢能产业发展路径研究',
    scope: '形成决策咨询报告 1 份、政策建议 5 条。',
    legalBasis: '市委市政府决策咨询制度',
    mode: 'purchased_service',
    status: 'eligibility_review',
    startsIn: 30,
    contractYuan: 200_000,
    milestones: [{ name: '开题论证', dueAfter: 30, doneLate: null }],
  },
  {
    functionCode: 'purchased_services',
    department: '市卫生健康委员会',
    title: '基层医务人员继续教育培训',
    scope: '为 6 个县区基层医务人员开展继续教育培训 12 期。',
    legalBasis: '《政府购买服务管理办法》',
    mode: 'purchased_service',
    status: 'proposed',
    startsIn: 60,
    contractYuan: 320_000,
    milestones: [],
  },
  {
    functionCode: 'engineering_qualification',
    department: '市人力资源和社会保障局',
    title: '工程技术人才职称评审辅助',
    scope: '协助开展建筑工程专业中级职称评审。',
    legalBasis: '《职称评审管理暂行规定》',
    mode: 'part',
    status: 'rejected',
    startsIn: -30,
    contractYuan: 90_000,
    milestones: [],
  },
  {
    functionCode: 'award_nomination',
    department: '市科学技术局',
    title: '市科学技术奖提名推荐',
    scope: `承担 ${YEAR} 年度市科学技术奖农业领域提名推荐工作。`,
    legalBasis: '《海川市科学技术奖励办法》',
    mode: 'part',
    status: 'approved',
    startsIn: 15,
    contractYuan: 60_000,
    milestones: [
      { name: '提名公告与受理', dueAfter: 30, doneLate: null },
      { name: '形式审查与推荐', dueAfter: 90, doneLate: null },
    ],
  },
];

/** The transitions a pilot went through to reach its status, for its history. */
const PATH: Record<PilotStatus, PilotStatus[]> = {
  proposed: [],
  eligibility_review: ['eligibility_review'],
  approved: ['eligibility_review', 'approved'],
  rejected: ['eligibility_review', 'rejected'],
  in_progress: ['eligibility_review', 'approved', 'in_progress'],
  midterm_review: ['eligibility_review', 'approved', 'in_progress', 'midterm_review'],
  acceptance: ['eligibility_review', 'approved', 'in_progress', 'midterm_review', 'acceptance'],
  completed: ['eligibility_review', 'approved', 'in_progress', 'midterm_review', 'acceptance', 'completed'],
  terminated: ['terminated'],
};

/**
 * Government-function pilots for the demo: one in each stage — completed and evaluated, under way with
 * a late and an overdue milestone, at mid-term review, waiting for the eligibility decision, freshly
 * proposed, rejected and approved — across seven departments and the seven functions.
 */
export async function loadDemoPilots(trx: Trx, societies: DemoSociety[], record: (change: Change) => void) {
  const now = new Date();
  const today = localToday(now);
  // Strong, active societies (those the governance demo gives good inspection records); the demo officer's
  // own societies (the first two) get the proposal and the project under way.
  const active = societies.filter((s) => s.status === 'active' && s.index % 11 !== 6 && s.index % 13 !== 9);
  const order = [2, 0, 5, 1, 0, 8, 3];
  for (const [i, pilot] of PILOTS.entries()) {
    const society = active[(order[i] ?? i) % active.length];
    if (!society) continue;
    const id = uuidv7();
    const startsOn = addCalendarDays(today, pilot.startsIn);
    await trx
      .insertInto('pilots')
      .values({
        id,
        society_id: society.id,
        function_code: pilot.functionCode,
        department: pilot.department,
        title: pilot.title,
        scope: pilot.scope,
        legal_basis: pilot.legalBasis,
        mode: pilot.mode,
        starts_on: startsOn,
        ends_on: addCalendarDays(startsOn, 364),
        contract_value_fen: pilot.contractYuan * 100,
        deliverables: JSON.stringify(pilot.milestones.map((m) => m.name)),
        qualifications: JSON.stringify(pilot.qualifications ?? []),
        status: pilot.status,
        satisfaction: pilot.satisfaction ?? null,
        evaluation_comments: pilot.comments ?? null,
        evaluated_at: pilot.satisfaction === undefined ? null : now,
        evaluated_by: pilot.satisfaction === undefined ? null : pilot.department,
        created_at: new Date(Date.parse(`${addCalendarDays(startsOn, -40)}T02:00:00Z`)),
        updated_at: now,
      })
      .execute();
    for (const m of pilot.milestones) {
      const dueOn = addCalendarDays(startsOn, m.dueAfter);
      const doneOn = m.doneLate === null ? null : addCalendarDays(dueOn, m.doneLate);
      const done = doneOn !== null && doneOn <= today ? doneOn : null;
      await trx
        .insertInto('pilot_milestones')
        .values({
          id: uuidv7(),
          pilot_id: id,
          name: m.name,
          due_on: dueOn,
          done_on: done,
          evidence: done ? `${m.name}（已提交，文号 HC-${dueOn.replaceAll('-', '')}）` : null,
          accepted_on: done && m.accepted ? done : null,
          accepted_by: done && m.accepted ? pilot.department : null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    let from: PilotStatus = 'proposed';
    for (const [step, to] of PATH[pilot.status].entries()) {
      await trx
        .insertInto('status_transitions')
        .values({
          id: uuidv7(),
          resource_type: PILOT.resourceType,
          resource_id: id,
          society_id: society.id,
          from_status: from,
          to_status: to,
          reason: to === 'rejected' ? '资格审查未通过：近两年年检未全部合格。' : '按计划推进',
          actor_id: null,
          actor_name: to === 'eligibility_review' ? 'officer' : 'admin',
          at: new Date(Date.parse(`${addCalendarDays(startsOn, -30 + step * 20)}T03:00:00Z`)),
        })
        .execute();
      from = to;
    }
    record({
      action: 'pilot.create',
      resourceType: 'pilot',
      resourceId: id,
      societyId: society.id,
      after: { id, title: pilot.title, status: pilot.status },
    });
  }
}
