import type { Messages } from '@/lib/i18n';

/**
 * The society registry: list, profile, form, status changes, credit codes, party building and grades.
 */
const zh = {
  'society.list.title': '学会管理',
  'society.list.description': '市科协所属学会、协会、研究会的登记信息与状态。',
  'society.list.create': '新建学会',
  'society.list.searchPlaceholder': '名称或信用代码',
  'society.list.empty': '暂无符合条件的学会',
  'society.list.allStatuses': '全部状态',
  'society.list.allTypes': '全部类型',
  'society.list.allDisciplines': '全部学科',
  'society.list.allTiers': '全部分类',
  'society.list.allParty': '党组织：全部',
  'society.list.inspectionFilter': '{year} 年检：{result}',
  'society.list.sort': '排序',
  'society.sort.-createdAt': '最近创建',
  'society.sort.createdAt': '最早创建',
  'society.sort.-updatedAt': '最近更新',
  'society.sort.name': '按名称',

  'society.field.name': '名称',
  'society.field.nameEn': '英文名称',
  'society.field.type': '类型',
  'society.field.discipline': '学科',
  'society.field.status': '状态',
  'society.field.creditCode': '统一社会信用代码',
  'society.field.creditCodeShort': '信用代码',
  'society.field.creditCodeOverrideReason': '校验例外理由',
  'society.field.supportingUnit': '挂靠单位',
  'society.field.foundedOn': '成立日期',
  'society.field.officeAddress': '办公地址',
  'society.field.contactPerson': '联系人',
  'society.field.contactPhone': '联系电话',
  'society.field.contactEmail': '电子邮箱',
  'society.field.legalRepresentative': '法定代表人',
  'society.field.chairName': '理事长',
  'society.field.secretaryGeneralName': '秘书长',
  'society.field.secretaryGeneralFullTime': '秘书长任职方式',
  'society.field.website': '网站',
  'society.field.createdAt': '创建时间',
  'society.field.version': '版本',

  'society.noSupportingUnit': '无挂靠',
  'society.fullTime': '专职',
  'society.partTime': '兼职',
  'society.unknown': '未填写',

  'society.detail.tab.profile': '基本信息',
  'society.detail.tab.history': '状态记录',
  'society.detail.deleteConfirm': '确定删除“{name}”吗？',
  'society.detail.deleteHint': '仅筹建中的学会可以删除，删除后不可恢复。',
  'society.detail.deleted': '已删除',
  'society.detail.notFound': '学会不存在或无权查看',
  'society.detail.section.registration': '登记信息',
  'society.detail.section.leadership': '负责人',
  'society.officer.fromRoster': '据第 {term} 届理事会名单',
  'society.officer.fromRosterChair': '据第 {term} 届理事会名单，由理事长担任',
  'society.officer.mismatch': '与第 {term} 届理事会名单不一致：名单为 {name}',
  'society.detail.section.contact': '联系方式',
  'society.detail.section.record': '记录信息',
  'society.detail.overridden': '已按例外登记',

  'society.history.created': '创建',

  'society.action.active': '确认成立',
  'society.action.reactivate': '恢复正常',
  'society.action.dormant': '标记停滞',
  'society.action.disqualified': '解除资格',
  'society.action.deregistered': '注销',
  'society.action.preparing': '退回筹建',
  'society.transition.title': '{action}：{name}',
  'society.transition.summary': '状态将由“{from}”变更为“{to}”。',
  'society.transition.final': '此操作为终态，执行后不可撤销。',
  'society.transition.reason': '理由',
  'society.transition.reasonRequired': '请填写变更理由',
  'society.transition.reasonPlaceholder': '如：民政局登记批复文号、理事会决议等',
  'society.transition.done': '状态已变更为“{to}”',
  'society.transition.needsCreditCode': '需先登记统一社会信用代码',

  'society.form.createTitle': '新建学会',
  'society.form.editTitle': '编辑学会',
  'society.form.section.basic': '基本信息',
  'society.form.section.registration': '登记信息',
  'society.form.section.leadership': '负责人',
  'society.form.section.contact': '联系方式',
  'society.form.created': '已创建“{name}”',
  'society.form.creditCodeHelp': '18 位，字母大写；不含 I、O、S、V、Z',
  'society.form.creditCodeOk': '校验通过',
  'society.form.creditCodeLocked': '信用代码仅由市科协管理员维护',
  'society.form.overrideHelp': '部分早期代码合法但未通过校验，请说明依据（如登记证书编号），管理员可据此登记',
  'society.form.overrideRequired': '请填写例外理由，或修正信用代码',
  'society.form.supportingUnitPlaceholder': '留空表示无挂靠',
  'society.form.namePlaceholder': '如：某市化学化工学会',
  'society.form.emailInvalid': '请输入有效的电子邮箱',
  'society.form.phoneInvalid': '电话号码只能包含数字、空格和 +()-，5 至 40 位',
  'society.form.websiteInvalid': '请输入以 http:// 或 https:// 开头的网址',
  'society.form.conflictTitle': '该学会已被他人修改',
  'society.form.conflictBody':
    '您打开此页面后，其他人保存了新的内容。请重新加载最新版本后再修改（当前未保存的修改将丢失）。',
  'society.form.unsaved': '有未保存的修改',

  'credit.credit_code_format': '信用代码应为 18 位，由数字和除 I、O、S、V、Z 外的大写字母组成',
  'credit.credit_code_checksum': '校验位应为 {expected}，当前为 {actual}',
  'credit.credit_code_not_social_organisation': '社会团体的信用代码应以 51 开头',
  'credit.credit_code_taken': '该信用代码已被其他学会使用',

  'society.detail.tab.governance': '治理体检',
  'society.detail.tab.council': '理事会',
  'society.detail.tab.terms': '换届',
  'society.detail.tab.reports': '年度报告',
  'society.detail.tab.capacity': '综合能力',
  'society.field.partyOrganisation': '党组织',
  'society.field.partyOrganisationOn': '党组织建立日期',
  'society.field.evaluationGrade': '社会组织评估等级',
  'society.field.evaluationGradeOn': '评估日期',
  'society.form.section.party': '党建与评估',
  'society.form.gradeAdminOnly': '评估等级仅由市科协管理员维护',
  'society.form.gradeNone': '未评估',
  'society.form.gradeOnRequired': '请填写评估日期',
  'grade.value': '{n}A',
  'grade.validUntil': '有效期至 {date}',
  'grade.expired': '已过期（{date}）',
  'grade.none': '未评估',

  'society.detail.tab.members': '会员',

  'society.list.reportMissingFilter': '未提交 {year} 年度报告',
  // A field error the server words by code (`fieldMessage`): only the society form meets it.
  'field.without_credit_code': '填写信用代码后才能填写例外理由',
} as const;

export type SocietiesKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    societies: SocietiesKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const societiesMessages = { zh, en: () => import('./messages.en') } satisfies Messages<SocietiesKey>;
