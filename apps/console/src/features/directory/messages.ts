import type { Messages } from '@/lib/i18n';

/**
 * The public directory (学会名录): the societies' own pages and the open calls.
 */
const zh = {
  'directory.section': '学会名录 · 申报通知',
  'directory.pageTitle': '学会名录',
  'directory.intro': '市科协所属正常开展活动的学会、协会、研究会及其公开联系方式，以及正在接受申报的学会项目资助通知。',
  'directory.tab.societies': '学会名录',
  'directory.tab.calls': '申报通知',
  'directory.searchPlaceholder': '学会名称',
  'directory.empty': '没有符合条件的学会',
  'directory.noUnit': '无挂靠',
  'directory.field.name': '名称',
  'directory.field.kind': '类型 / 学科',
  'directory.field.supportingUnit': '挂靠单位',
  'directory.field.contact': '联系方式',
  'directory.call.empty': '目前没有正在申报的项目',
  'directory.call.period': '申报时间：{from} 至 {to}',
  'directory.call.budget': '资助总额',
  'directory.call.category': '资助类别',
  'directory.call.cap': '单项最高',
  'directory.call.categoryBudget': '类别预算',
  'directory.call.howToApply': '学会秘书处登录平台后填写并提交申报书。',
  'directory.call.apply': '登录申报',
  'directory.society.back': '返回学会名录',
  'directory.society.notFound': '未找到该学会：名录只收录正常开展活动的学会',
  'directory.society.profile': '基本情况',
  'directory.society.contact': '联系方式',
  'directory.society.noContact': '该学会尚未公布联系方式',
  'directory.society.type': '类型',
  'directory.society.discipline': '学科门类',
  'directory.society.foundedOn': '成立日期',
  'directory.society.grade': '社会组织评估等级',
  'directory.society.gradeTag': '评估等级 {n}A',
  'directory.society.gradedOn': '{date} 评定，有效期五年',
  'directory.society.notGraded': '未参加评估',
  'directory.society.party': '党组织建立形式',
  'directory.society.members': '会员规模',
  'directory.society.membersRange': '{from}–{to} 人',
  'directory.society.membersAtLeast': '{n} 人以上',
  'directory.society.membersUnknown': '未在平台登记会员',
  'directory.society.funded': '获市科协资助的项目',
  'directory.society.noFunded': '暂无获资助项目',
  'directory.society.year': '年度',
  'directory.society.project': '项目 / 资助计划',
  'directory.society.granted': '资助金额',
  'directory.society.stage': '进展',
  'directory.society.openCalls': '正在申报的项目通知',
  'directory.society.closesOn': '{date} 截止',
} as const;

export type DirectoryKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    directory: DirectoryKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const directoryMessages = { zh, en: () => import('./messages.en') } satisfies Messages<DirectoryKey>;
