import type { Messages } from '@/lib/i18n';

/**
 * The reviewer's queue (我的评审) with its declaration of interest, and the decline modal: the review page
 * itself needs only `reviews.ts`.
 */
const zh = {
  'review.declineReason.conflict_of_interest': '利益冲突（回避）',
  'review.declineReason.not_my_field': '非本人专业',
  'review.declineReason.too_many': '任务过多',
  'review.queue.title': '我的评审',
  'review.queue.description':
    '市科协分配给您的学会项目资助申报。请逐项评分并填写评审意见；评审结束前，其他专家的评分对您不可见。',
  'review.queue.pending': '待评审 {n}',
  'review.queue.done': '已评分 {n}',
  'review.queue.program': '资助项目',
  'review.queue.allPrograms': '全部资助项目',
  'review.queue.all': '全部',
  'review.queue.progress': '已评分 {done} / {total}',
  'review.queue.empty': '暂无分配给您的评审任务',
  'review.queue.noneInProgram': '本项目暂未向您分配申报',
  'review.queue.noneMatching': '没有符合筛选条件的申报',
  'review.queue.notLinked': '您的账号尚未关联专家库中的专家',
  'review.queue.notLinkedHint': '请联系市科协学会工作部，将账号与您在专家库中的记录关联后再进行评审。',
  'review.action.score': '评审',
  'review.action.view': '查看',
  'review.decline.title': '谢绝评审',
  'review.decline.summary': '您将谢绝评审“{title}”。',
  'review.decline.warning': '谢绝后，该申报将由系统重新分配给其他专家，您将不能再查看或评分。此操作不可撤销。',
  'review.decline.reason': '谢绝理由',
  'review.decline.reasonRequired': '请选择谢绝理由',
  'review.decline.note': '说明',
  'review.decline.notePlaceholder': '如：本人曾在该学会兼职；本人研究方向为……',
  'review.decline.noteRequired': '请说明与申报学会的利益关系',
  'review.decline.noteConflictHelp': '回避情况将记入评审记录，请如实说明利益关系。',
  'review.decline.confirm': '确认谢绝',
  'review.decline.done': '已谢绝评审，该申报已重新分配给其他专家',
  'review.decline.doneUnassigned': '已谢绝评审，市科协将另行安排评审专家',
  'review.decline.alreadyScored': '您已提交该申报的评分，不能再谢绝',
  'review.declaration.button': '利益申报',
  'review.declaration.title': '利益申报：{program}',
  'review.declaration.declared': '已申报回避 {n} 个学会',
  'review.declaration.hint':
    '请选择与您存在利益关系、需要回避的学会（如在该学会任职或兼职、参与其申报项目等）。保存后，您对这些学会尚未评分的评审任务将自动退出，由系统重新分配。',
  'review.declaration.societies': '需回避的学会',
  'review.declaration.societiesHelp': '可选择多个学会；不选择表示没有需要申报的利益关系。',
  'review.declaration.note': '补充说明',
  'review.declaration.notePlaceholder': '如：本人担任该学会常务理事',
  'review.declaration.save': '保存申报',
  'review.declaration.saved': '利益申报已保存',
  'review.declaration.recused': '根据本次申报，您已退出 {n} 项评审任务，相关申报已重新分配给其他专家。',
  'review.declaration.noneRecused': '您当前的评审任务中没有需要回避的申报。',
  'review.declaration.done': '知道了',
} as const;

export type ReviewQueueKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    'review-queue': ReviewQueueKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const reviewQueueMessages = { zh, en: () => import('./queue-messages.en') } satisfies Messages<ReviewQueueKey>;
