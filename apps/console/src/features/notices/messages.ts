import type { Messages } from '@/lib/i18n';

/**
 * The public notice page (公示) and its objection form.
 */
const zh = {
  'notice.pageTitle': '拟资助项目公示',
  'notice.intro':
    '市科协对拟资助的学会项目进行公示，接受社会监督。公示期内，单位和个人如有异议，可通过本页面提出；异议须署真实姓名或单位名称并留下联系方式，匿名异议不予受理。',
  'notice.empty': '目前没有正在公示的项目',
  'notice.period': '公示期：{from} 至 {to}',
  'notice.phase.upcoming': '尚未开始',
  'notice.phase.open': '公示中 · 受理异议',
  'notice.phase.ended': '公示已结束',
  'notice.preamble':
    '经学会申报、形式审查、专家评审和市科协研究，拟对以下 {count} 个项目予以资助，资助金额合计 {total}，现予公示。',
  'notice.field.no': '序号',
  'notice.field.society': '申报学会',
  'notice.field.title': '项目名称',
  'notice.field.category': '资助类别',
  'notice.field.amount': '拟资助金额',
  'notice.total': '合计（{count} 项）',
  'notice.noItems': '本次公示无项目',
  'notice.objectionInvite': '如对公示项目有异议，可在公示期内（截至 {to}）提出。',
  'notice.objectionUpcoming': '公示期自 {from} 开始，届时可提出异议。',
  'notice.objectionEnded': '公示期已结束，不再受理异议。',

  'objection.open': '提出异议',
  'objection.title': '提出异议',
  'objection.rules': '请署真实姓名或单位名称，并留下手机、固定电话或电子邮箱，以便核实。匿名异议不予受理。',
  'objection.field.target': '异议对象',
  'objection.wholeNotice': '对本次公示整体提出异议',
  'objection.field.signerKind': '署名方式',
  'objection.signer.person': '实名（个人）',
  'objection.signer.unit': '单位',
  'objection.field.personName': '姓名',
  'objection.field.unitName': '单位名称',
  'objection.field.contact': '联系方式',
  'objection.field.content': '异议内容',
  'objection.placeholder.personName': '请填写真实姓名',
  'objection.placeholder.unitName': '请填写单位全称',
  'objection.placeholder.contact': '手机、固定电话（如 0531-12345678）或电子邮箱',
  'objection.placeholder.content': '请写明异议的具体事实和理由，可附相关线索',
  'objection.submit': '提交异议',
  'objection.error.nameRequired': '请填写真实姓名',
  'objection.error.unitRequired': '请填写单位名称',
  'objection.error.anonymous': '请署真实姓名或单位名称，匿名异议不予受理',
  'objection.error.contactRequired': '请留下联系方式',
  'objection.error.contact': '请填写手机号码、带区号的固定电话（如 0531-12345678）或电子邮箱',
  'objection.error.contentRequired': '请填写异议内容',
  'objection.error.contentShort': '请具体说明异议的事实和理由（至少 10 个字）',
  'objection.error.tooShort': '内容过短',
  'objection.error.notInNotice': '所选项目不在本次公示中',
  'objection.error.fix': '请按提示修改后再提交',
  'objection.error.closed': '不在公示期内，不再受理异议',
  'objection.error.noNotice': '该公示不存在或已撤下',
  'objection.error.rateLimited': '提交过于频繁，请稍后再试',
  'objection.error.rateLimitedFor': '提交过于频繁，请 {minutes} 分钟后再试',
  'objection.receipt.title': '异议已提交',
  'objection.receipt.subtitle':
    '市科协学会工作部将依规核查处理，必要时通过您留下的联系方式与您联系。请妥善保存受理编号。',
  'objection.receipt.id': '受理编号',
  'objection.receipt.at': '提交时间',
  'objection.receipt.notice': '公示名称',
  'objection.receipt.target': '异议对象',
  'objection.receipt.status': '处理状态',
  'objection.receipt.open': '已受理，待核查',
  'objection.receipt.again': '再提一条异议',
  'objection.receipt.close': '完成',
} as const;

export type NoticesKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    notices: NoticesKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const noticesMessages = { zh, en: () => import('./messages.en') } satisfies Messages<NoticesKey>;
