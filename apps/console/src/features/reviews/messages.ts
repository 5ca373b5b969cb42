import type { Messages } from '@/lib/i18n';

/**
 * The review page (评审): the application under review, the scoring form and the other reviews; the
 * statuses the queue shows too.
 */
const zh = {
  'review.status.assigned': '待评审',
  'review.status.submitted': '已评分',
  'review.status.declined': '已谢绝',
  'review.status.recused': '已回避',

  'review.field.title': '申报项目',
  'review.field.society': '申报学会',
  'review.field.category': '资助类别',
  'review.field.requested': '申请金额',
  'review.field.selfFunded': '自筹金额',
  'review.field.myStatus': '我的状态',
  'review.field.myTotal': '我的总分',
  'review.field.submittedAt': '提交时间',
  'review.field.plannedOn': '计划日期',
  'review.field.place': '举办地点',
  'review.field.participants': '预计参与人数',
  'review.field.participantsValue': '{n} 人',
  'review.field.disciplines': '所属学科',

  'review.detail.title': '申报评审',
  'review.detail.back': '返回我的评审',
  'review.detail.notFound': '该申报不在您的评审任务中',
  'review.detail.notFoundHint': '您可能已谢绝或回避了该申报，或它已重新分配给其他专家。',
  'review.application.title': '申报材料',
  'review.application.summary': '项目简介',
  'review.application.noSummary': '申报学会未填写项目简介',
  'review.application.budget': '经费预算',
  'review.application.attachments': '附件清单',
  'review.application.noAttachments': '未登记附件',
  'review.application.attachmentsHint': '此处仅列出附件清单；如需查阅原件，请联系市科协学会工作部。',
  'review.budget.item': '预算项目',
  'review.budget.amount': '金额',
  'review.budget.total': '合计',
  'review.budget.totalHint': '申请 {requested} ＋ 自筹 {self}',
  'review.budget.empty': '未填写预算明细',
  'review.attachment.name': '文件名',
  'review.attachment.size': '大小',
  'review.attachment.note': '说明',

  'review.form.title': '评分',
  'review.form.total': '总分',
  'review.form.scored': '已评 {n} / {total} 项',
  'review.form.outOf': '/ {max} 分',
  'review.form.scorePlaceholder': '0–{max}',
  'review.form.justification': '评审意见',
  'review.form.justificationPlaceholder': '请说明评分理由，如项目的学术价值、社会影响、实施可行性、预算是否合理等',
  'review.form.justificationHelp': '已写 {n} 字，至少 {min} 字。决定公示后，评审意见将以匿名方式向申报学会反馈。',
  'review.form.saveDraft': '保存草稿',
  'review.form.submit': '提交评分',
  'review.form.update': '更新评分',
  'review.form.draftSaved': '草稿已保存',
  'review.form.submitted': '评分已提交',
  'review.form.updated': '评分已更新',
  'review.form.fixErrors': '请按提示修改后再提交',
  'review.form.alreadySubmitted': '您已于 {at} 提交评分。评审结束前仍可修改并重新提交。',
  'review.form.closed': '本项目评审已结束，不能再修改评分。',
  'review.form.closedSubmitted': '本项目评审已结束，以下为您提交的评分。',
  'review.error.range': '应在 0–{max} 分之间',
  'review.error.precision': '最多保留一位小数',
  'review.error.missing': '请为此项评分',
  'review.error.justification': '评审意见至少需要 {min} 个字，当前 {n} 个字',
  'review.error.closed': '本项目当前不在评审阶段，评分未保存',
  'review.error.notAssigned': '您已不再负责评审该申报',

  'review.others.title': '专家评分',
  'review.others.reviewer': '评审专家',
  'review.others.me': '我',
  'review.others.hidden': '评审结束前，其他 {n} 位专家的评分不可见',
  'review.others.none': '暂无其他专家的评分',
  'review.others.criterion': '评分项（满分）',
  'review.others.score': '申报综合得分',
  'review.others.justifications': '评审意见',

  'review.decline.button': '谢绝评审',
} as const;

export type ReviewsKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    reviews: ReviewsKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const reviewsMessages = { zh, en: () => import('./messages.en') } satisfies Messages<ReviewsKey>;
