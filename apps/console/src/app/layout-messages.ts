import type { Messages } from '@/lib/i18n';

/**
 * The signed-in layout: the menu, the roles, the reminders in the header, and the word why a page
 * was refused (every page behind the sign-in renders inside the layout, which imports this module).
 */
const zh = {
  'role.admin': '管理员',
  'role.society_officer': '学会秘书处',
  'role.reviewer': '评审专家',
  'role.auditor': '审计',

  'layout.logout': '退出登录',
  'layout.changePassword': '修改密码',
  'layout.loggedOut': '已退出登录',
  'nav.societies': '学会管理',
  'nav.home': '首页',
  'nav.noAccess': '当前角色暂无可用的功能。',

  'nav.admin': '系统管理',
  'nav.users': '账号管理',
  'nav.clients': '接口客户端',
  'nav.audit': '审计日志',
  'nav.messages': '发信记录',
  'nav.settings': '系统设置',
  'nav.denied': '当前角色无权访问该页面，已返回首页',

  'nav.group.societies': '学会治理',
  'nav.reportReview': '年报审核',
  'nav.disqualification': '解除资格名单',
  'nav.alliances': '学会联合体',

  'nav.members': '会员管理',
  'nav.memberApprovals': '入会审批',
  'nav.experts': '专家库',

  'nav.funding': '项目资助',

  'nav.group.reviews': '评审工作',
  'nav.reviews': '我的评审',
  'nav.calendar': '工作日历',

  'nav.dashboard': '工作台',
  'reminder.title': '待办提醒',
  'reminder.empty': '近期没有到期事项',
  'reminder.overdue': '已逾期',
  'reminder.dueSoon': '即将到期',
  'reminder.due': '截止 {date}',
  'reminder.overdueDays': '逾期 {n} 天',
  'reminder.daysLeft': '还有 {n} 天',
  'reminder.today': '今天到期',
  'reminder.annual_report': '{society} 的 {year} 年度报告',
  'reminder.annual_report.many': '{count} 个学会尚未提交 {year} 年度报告',
  'reminder.reelection': '{society} 理事会换届',
  'reminder.reelection.many': '{count} 个学会理事会换届',
  'reminder.review': '评审：{subject}',
  'reminder.review.program': '{subject}：{count} 份评审尚未完成',
  'reminder.project_report': '结项报告：{subject}',
  'reminder.project_report.many': '{count} 个资助项目待提交结项报告',
  'reminder.pilot_milestone': '试点节点：{subject}',
  'reminder.pilot_milestone.many': '{count} 个试点节点',
  'reminder.return': '退回修改：{subject}',
  'reminder.return.many': '{count} 项退回修改',

  'nav.pilots': '职能转移试点',
  'nav.pilotFunctions': '职能目录',

  'nav.webhooks': '数据对接',

  // Shared by the forms, tables and society pickers of many signed-in pages.
  'admin.conflictTitle': '该记录已被他人修改',
  'admin.conflictBody': '您打开此页面后，其他人保存了新的内容。请重新加载最新版本后再操作。',
  'admin.field.actions': '操作',
  'society.deletedName': '（已删除的学会）',
  'society.more': '等 {n} 个',
  'society.select.empty': '没有找到匹配的学会',
  'society.select.placeholder': '输入学会名称搜索',
  'society.form.fixErrors': '请根据提示修改后再提交',
  'society.form.noChanges': '没有需要保存的修改',
  'society.form.required': '请填写{field}',
  'society.form.saved': '已保存',
  'society.form.select': '请选择{field}',
  'society.form.submitCreate': '创建',
  'society.form.submitSave': '保存修改',
  'society.field.updatedAt': '更新时间',
  'society.history.at': '时间',
  'society.history.actor': '操作人',
  'society.history.change': '状态变更',
  'society.history.empty': '暂无状态变更记录',
  'society.history.reason': '理由',
  'society.history.system': '系统',

  'admin.readOnly': '只读',
  'admin.readOnlyHint': '审计角色可查看全部内容，但不能新建或修改',
} as const;

export type LayoutKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    layout: LayoutKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const layoutMessages = { zh, en: () => import('./layout-messages.en') } satisfies Messages<LayoutKey>;
