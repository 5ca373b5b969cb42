import type { Messages } from '@/lib/i18n';

/**
 * The funding pages (项目资助): the list of calls, a program's overview and an application, with the
 * labels their parts share. The words of the drawers, modals and tabs are in `funding-panels.ts`.
 */
const zh = {
  'funding.list.title': '项目资助',
  'funding.list.description': '学会项目资助的年度申报通知：申报、形式审查、专家评审、排名资助、公示与结项。',
  'funding.list.societyDescription': '查看正在申报的资助项目，填写并提交本学会的申报书，跟踪评审、资助与结项。',
  'funding.list.create': '新建项目',
  'funding.list.empty': '暂无资助项目',
  'funding.list.allStatuses': '全部状态',
  'funding.list.year': '年度',

  'funding.field.status': '状态',
  'funding.field.score': '得分',
  'funding.field.allocated': '资助金额',
  'funding.field.adjusted': '核定金额',

  'funding.program.title': '资助项目',
  'funding.program.notFound': '资助项目不存在',
  'funding.program.section.categories': '资助类别与预算',
  'funding.program.section.rubric': '评分细则',
  'funding.program.field.name': '项目名称',
  'funding.program.field.year': '年度',
  'funding.program.field.status': '状态',
  'funding.program.field.window': '申报期',
  'funding.program.field.totalBudget': '总预算',
  'funding.program.field.description': '说明',
  'funding.program.field.minimumScore': '最低资助分',
  'funding.program.field.reviewers': '每项评审专家数',
  'funding.program.field.noticeDays': '公示期',
  'funding.program.field.notice': '公示时间',
  'funding.program.field.scoringMethod': '计分方法',
  'funding.program.field.strategy': '资助方式',
  'funding.program.field.allowMultiple': '同类别多项申报',
  'funding.program.windowRange': '{from} 至 {to}',
  'funding.program.windowLine': '申报期 {from} 至 {to}',
  'funding.program.noticeLine': '公示期 {from} 至 {to}',
  'funding.program.reviewersCount': '{n} 位',
  'funding.program.noticeDaysCount': '{n} 个工作日',
  'funding.program.noticeNotYet': '开始公示时按工作日历计算',
  'funding.program.onePerCategory': '不允许，每类限报一项',
  'funding.program.tab.overview': '概览',
  'funding.program.tab.applications': '申报',
  'funding.program.tab.mine': '本学会申报',
  'funding.program.tab.assignments': '评审分配',
  'funding.program.tab.ranking': '排名与资助',
  'funding.program.tab.notice': '公示与异议',
  'funding.program.tab.reports': '结项',

  'funding.category.name': '类别名称',
  'funding.category.cap': '单项资助上限',
  'funding.category.budget': '类别预算',
  'funding.category.allocated': '已决定资助',
  'funding.category.sumLabel': '合计',

  'funding.rubric.name': '评分指标',
  'funding.rubric.weight': '分值',
  'funding.rubric.firstHelp': '第一项指标用于同分排序：同分时第一项得分高者排前',

  'funding.move.open': '发布申报通知',
  'funding.move.open.explain':
    '发布后各学会可在申报期 {opens} 至 {closes} 内填写并提交申报。发布后资助类别、预算、评分细则等设置不可再改，只能修改名称、说明或延后截止日期。',
  'funding.move.open.reason': '发布年度项目申报通知',
  'funding.move.close': '截止申报',
  'funding.move.close.explain':
    '截止后不再接受提交，所有已提交的申报自动进行形式审查：学会状态正常、上年度年检合格、申报类别有效、金额不超上限、预算平衡、每类限报一项、在申报期内提交。',
  'funding.move.close.reason': '申报期结束，截止申报',
  'funding.move.reopen': '重新开放申报',
  'funding.move.reopen.explain':
    '已进入形式审查的申报保持不变，再次截止申报时按届时情况重新审查；期间各学会可继续提交申报。',
  'funding.move.reopen.reason': '延长申报期',
  'funding.move.reopen.blocked': '申报期已于 {date} 结束，请先编辑项目将截止日期延后',
  'funding.move.review': '开始评审',
  'funding.move.review.explain':
    '通过形式审查的申报进入专家评审，系统按学科匹配、工作量均衡并回避利益冲突，为每项申报自动分配 {reviewers} 位评审专家；未通过形式审查的申报标记为未获资助。',
  'funding.move.review.reason': '形式审查完成，开始专家评审',
  'funding.move.decide': '结束评审',
  'funding.move.decide.explain':
    '评审结束后专家不能再修改评分。每项申报至少需要 {min} 份已提交的评分；得分按“{method}”计算，随后进入排名与资助决定。',
  'funding.move.decide.reason': '专家评审结束',
  'funding.move.notice': '开始公示',
  'funding.move.notice.explain':
    '拟资助项目向社会公示 {days} 个工作日（按工作日历跳过周末和节假日）。公示期内任何人可实名或以单位名义提出异议。',
  'funding.move.notice.reason': '资助决定已确定，开始公示',
  'funding.move.finalise': '公示结束，定案',
  'funding.move.finalise.explain': '公示期满且异议均已处理后定案：公示中的项目转为“已资助”，学会可提交结项报告。',
  'funding.move.finalise.reason': '公示期满无异议',
  'funding.move.redecide': '退回资助决定',
  'funding.move.redecide.explain':
    '用于异议成立、资金被释放后重新分配：公示中的项目退回“拟资助”并保留原资助金额；因预算不足未获资助的申报重新回到“评审完成”，在“排名与资助”中再次应用资助决定后，按排名依次递补。调整后的名单须重新公示。',
  'funding.move.redecide.reason': '公示期间异议成立，释放的资金按排名递补',

  'funding.next.draft': '请核对设置后发布申报通知，申报期 {opens} 至 {closes}。',
  'funding.next.open': '申报期 {opens} 至 {closes}。截止后点击“截止申报”，已提交的申报将自动形式审查。',
  'funding.next.closed':
    '形式审查已完成，可在“申报”中查看结果。点击“开始评审”后将自动为每项申报分配 {reviewers} 位评审专家。',
  'funding.next.reviewing':
    '专家评审进行中，可在“评审分配”中查看进度、手动分配或安排回避。全部达到法定评分数后点击“结束评审”。',
  'funding.next.deciding': '请在“排名与资助”中查看排名与资助线，可试算另一种资助方式，确认后应用资助决定，再开始公示。',
  'funding.next.notice': '公示中，公示期至 {noticeEnds}。请在“公示与异议”中处理异议，公示期满后定案。',
  'funding.next.finalised': '已定案，获资助项目在“结项”中提交结项报告。',

  'funding.notice.running': '公示中：{period}（{days} 个工作日）',
  'funding.notice.upcoming': '公示将于 {period} 进行（{days} 个工作日）',
  'funding.notice.ended': '公示期 {period} 已结束，异议处理完毕后可定案',

  'funding.chart.title': '各类别预算与已决定资助',
  'funding.chart.budgetTitle': '各类别预算',
  'funding.chart.budget': '类别预算',
  'funding.chart.allocated': '已决定资助',

  'funding.application.title': '申报书',
  'funding.application.notFound': '申报不存在或无权查看',
  'funding.application.apply': '申报',
  'funding.application.categoryOption': '{name}（上限 {cap}）',
  'funding.application.capHint': '本类别单项上限 {cap}',
  'funding.application.peopleCount': '{n} 人',
  'funding.application.societyDiscipline': '按学会学科匹配',
  'funding.application.field.society': '申报学会',
  'funding.application.field.category': '申报类别',
  'funding.application.field.title': '项目名称',
  'funding.application.field.summary': '项目简介',
  'funding.application.field.plannedOn': '计划日期',
  'funding.application.field.place': '地点',
  'funding.application.field.participants': '预计参加人数',
  'funding.application.field.disciplines': '学科领域',
  'funding.application.field.budgetLines': '预算明细',
  'funding.application.field.attachments': '附件清单',
  'funding.attachments.name': '文件名称',
  'funding.attachments.sizeColumn': '大小',
  'funding.attachments.note': '说明',
  'funding.attachments.none': '未登记附件',
  'funding.application.field.requested': '申请资助金额',
  'funding.application.field.selfFunded': '自筹金额',
  'funding.application.field.submittedAt': '提交时间',
  'funding.application.submit': '提交',
  'funding.application.withdraw': '撤回',
  'funding.application.close': '确认结项',
  'funding.application.windowClosed': '仅在申报期（{from} 至 {to}）内、项目申报中时可提交',
  'funding.application.tab.content': '申报书',
  'funding.application.tab.screening': '形式审查',
  'funding.application.tab.reviews': '评审意见',
  'funding.application.tab.report': '结项报告',
  'funding.application.tab.history': '办理记录',

  'funding.lines.item': '用途',
  'funding.lines.amount': '金额',
  'funding.lines.totalLabel': '合计',
  'funding.lines.sourcesEquation': '（申请 {requested} + 自筹 {self}）',

  'funding.decline.conflict_of_interest': '利益冲突（回避）',
  'funding.decline.not_my_field': '非本人专业',
  'funding.decline.too_many': '任务过多',

  'funding.decision.summary': '资助决定：第 {rank} 名，{reason}，资助 {allocated}',
  'funding.decision.detail': '综合得分 {score}，决定时间 {at}',

  'funding.society.openCalls': '正在申报的项目',
  'funding.society.noOpenCalls': '当前没有开放申报的资助项目',
  'funding.society.mine': '本学会的申报',
  'funding.society.noApplications': '本学会还没有申报',
  'funding.society.details': '查看详情',
  'funding.society.daysLeft': '距截止还有 {n} 天',
  'funding.society.notAccepting': '未到申报期',
} as const;

export type FundingKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    funding: FundingKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const fundingMessages = { zh, en: () => import('./messages.en') } satisfies Messages<FundingKey>;
