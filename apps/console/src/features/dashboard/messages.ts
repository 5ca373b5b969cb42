import type { Messages } from '@/lib/i18n';

/**
 * The dashboard (工作台): figures, charts and their drill-down lists.
 */
const zh = {
  'dashboard.title': '工作台',
  'dashboard.description':
    '全市学会概况：登记状态与分类、党组织覆盖、年检参检、换届、解除资格名单、会员、项目资助与试点。',
  'dashboard.asOf': '统计日期 {date}',
  'dashboard.kpi.active': '正常运行学会',
  'dashboard.kpi.activeOf': '共 {total} 个学会',
  'dashboard.kpi.party': '党组织覆盖',
  'dashboard.kpi.partyOf': '{covered} / {societies} 个正常学会',
  'dashboard.kpi.reelections': '换届到期',
  'dashboard.kpi.reelectionsDetail': '逾期 {overdue} · {days} 天内 {soon}',
  'dashboard.kpi.disqualification': '拟解除资格',
  'dashboard.kpi.disqualificationDetail': '另有 {warned} 个学会预警',
  'dashboard.kpi.members': '在册会员',
  'dashboard.kpi.membersDetail': '今年新入会 {n} 人',
  'dashboard.kpi.granted': '{year} 年资助金额',
  'dashboard.kpi.grantedDetail': '申请 {requested}',
  'dashboard.chart.status': '学会登记状态',
  'dashboard.chart.tier': '综合能力分类',
  'dashboard.chart.party': '党组织建立情况',
  'dashboard.chart.inspections': '年检参检情况',
  'dashboard.chart.members': '会员类别',
  'dashboard.chart.joined': '新入会会员（近五年）',
  'dashboard.chart.funding': '项目资助：申请与资助（按年度、类别）',
  'dashboard.chart.pilots': '承接政府转移职能试点（按职能、状态）',
  'dashboard.chart.drill': '点击图形查看明细',
  'dashboard.chart.empty': '暂无数据',
  'dashboard.series.societies': '学会数',
  'dashboard.series.participation': '参检率',
  'dashboard.series.requested': '申请金额（元）',
  'dashboard.series.granted': '资助金额（元）',
  'dashboard.series.joined': '入会人数',
  'dashboard.series.members': '会员数',
  'dashboard.export': '导出数据',
  'dashboard.export.csv': '导出 CSV',
  'dashboard.export.xlsx': '导出 Excel',
  'dashboard.reelections.title': '换届到期与逾期',
  'dashboard.reelections.empty': '{days} 天内没有到期的换届',
  'dashboard.reelections.society': '学会',
  'dashboard.reelections.endsOn': '本届届满日期',
  'dashboard.reelections.left': '剩余',
  'dashboard.reelections.daysLeftColumn': '剩余天数（负数为逾期）',
  'dashboard.reelections.daysLeft': '{n} 天',
  'dashboard.reelections.overdue': '已逾期 {n} 天',
  'dashboard.reelections.withoutTerm': '{n} 个学会尚未录入届次',
  'dashboard.disqualification.title': '解除资格名单',
  'dashboard.disqualification.all': '查看名单与依据',
  'dashboard.disqualification.candidate': '拟解除资格',
  'dashboard.disqualification.warning': '预警',
  'dashboard.disqualification.empty': '没有需要处理的学会',
  'dashboard.drawer.members': '各学会“{category}”会员',
  'dashboard.drawer.funding': '{year} 年“{category}”资助明细',
  'dashboard.drawer.society': '学会',
  'dashboard.drawer.count': '人数',
  'dashboard.drawer.program': '资助项目',
  'dashboard.drawer.applications': '申报数',
  'dashboard.drawer.funded': '获资助',
  'dashboard.drawer.open': '打开',
  'dashboard.drawer.people': '{n} 人',
  'dashboard.drawer.joined': '{year} 年新入会会员（按学会）',
  'dashboard.drawer.joinedHint': '共 {n} 人，按入会日期统计，含现已退会或停止的会员。',
  'dashboard.drawer.joinedCount': '入会人数',
  'dashboard.drawer.applicationList': '申报项目明细',
  'dashboard.drawer.applicationTitle': '项目名称 / 申报学会',
  'dashboard.drawer.truncated': '申报较多，此处仅列出前 500 项；完整列表请打开资助项目的“申报”页。',
  'dashboard.column.item': '项目',
  'dashboard.column.value': '数值',
  'dashboard.column.year': '年度',
  'dashboard.column.category': '类别',
  'dashboard.column.function': '职能',
  'dashboard.column.status': '状态',
  'dashboard.column.program': '资助项目',
  'dashboard.column.expected': '应参检',
  'dashboard.column.applications': '申报数',
  'dashboard.column.requestedFen': '申请金额（分）',
  'dashboard.column.funded': '获资助数',
  'dashboard.column.grantedFen': '资助金额（分）',
  'dashboard.column.pilots': '试点数',
  'dashboard.column.contractValueFen': '合同金额（分）',
  'dashboard.column.total': '合计',
} as const;

export type DashboardKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    dashboard: DashboardKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const dashboardMessages = { zh, en: () => import('./messages.en') } satisfies Messages<DashboardKey>;
