import type { Messages } from '@/lib/i18n';

/**
 * Status and category labels that pages of several features show: inspection results, capacity tiers,
 * party organisation, member categories and pilot statuses (the dashboard shows all of them, the
 * registry and the pilots some).
 */
const zh = {
  'party.none': '未建立',
  'party.own_branch': '单独组建',
  'party.joint_branch': '联合组建',
  'party.instructor': '选派党建指导员',
  'inspection.pass': '合格',
  'inspection.basic_pass': '基本合格',
  'inspection.fail': '不合格',
  'inspection.absent': '未参检',
  'inspection.pending': '待年检',
  'capacity.tier': '类别',
  'capacity.tier.A': 'A 健全活跃',
  'capacity.tier.B': 'B 健全一般',
  'capacity.tier.C': 'C 不健全',
  'capacity.tier.D': 'D 停滞',
  'dashboard.inspection.notRecorded': '未录入',
  'dashboard.tier.none': '未评定',
  'member.category.ordinary': '普通会员',
  'member.category.senior': '资深会员',
  'member.category.student': '学生会员',
  'member.category.honorary': '荣誉会员',
  'pilot.status.proposed': '已申报',
  'pilot.status.eligibility_review': '资格审查',
  'pilot.status.approved': '已批准',
  'pilot.status.rejected': '未通过',
  'pilot.status.in_progress': '实施中',
  'pilot.status.midterm_review': '中期评估',
  'pilot.status.acceptance': '验收',
  'pilot.status.completed': '已完成',
  'pilot.status.terminated': '已终止',
} as const;

export type LabelsKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    labels: LabelsKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const labelsMessages = { zh, en: () => import('./labels.en') } satisfies Messages<LabelsKey>;
