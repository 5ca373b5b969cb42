import type { Label } from '@society-hub/domain';
import { createContext, useContext } from 'react';

export type Language = 'zh' | 'en';

const zh = {
  'app.name': '学会通',
  'app.subtitle': '市科协所属学会管理平台',
  'app.footer': '市科学技术协会 · 学会工作部',
  'lang.switch': 'English',
  'lang.label': '语言',

  'role.admin': '管理员',
  'role.society_officer': '学会秘书处',
  'role.reviewer': '评审专家',
  'role.auditor': '审计',

  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.failed': '登录失败',
  'login.expired': '登录已过期，请重新登录',

  'layout.logout': '退出登录',
  'layout.loggedOut': '已退出登录',
  'nav.societies': '学会管理',
  'nav.home': '首页',
  'nav.noAccess': '当前角色暂无可用的功能。',

  'common.loading': '加载中…',
  'common.save': '保存',
  'common.cancel': '取消',
  'common.confirm': '确定',
  'common.edit': '编辑',
  'common.delete': '删除',
  'common.reload': '重新加载',
  'common.back': '返回',
  'common.search': '搜索',
  'common.reset': '重置',
  'common.none': '—',
  'common.yes': '是',
  'common.no': '否',
  'common.loadMore': '加载更多',
  'common.prevPage': '上一页',
  'common.nextPage': '下一页',
  'common.firstPage': '首页',
  'common.pageSize': '每页 {n} 条',
  'common.pageNo': '第 {n} 页',
  'common.error': '出错了',
  'common.retry': '重试',
  'common.notFound': '页面不存在',
  'common.notFoundDetail': '您访问的页面不存在或无权查看。',
  'common.backHome': '返回首页',
  'common.requestId': '请求编号',

  'society.list.title': '学会管理',
  'society.list.description': '市科协所属学会、协会、研究会的登记信息与状态。',
  'society.list.create': '新建学会',
  'society.list.searchPlaceholder': '名称或信用代码',
  'society.list.empty': '暂无符合条件的学会',
  'society.list.allStatuses': '全部状态',
  'society.list.allTypes': '全部类型',
  'society.list.allDisciplines': '全部学科',
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
  'society.field.updatedAt': '更新时间',
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
  'society.detail.section.contact': '联系方式',
  'society.detail.section.record': '记录信息',
  'society.detail.overridden': '已按例外登记',

  'society.history.at': '时间',
  'society.history.change': '状态变更',
  'society.history.reason': '理由',
  'society.history.actor': '操作人',
  'society.history.system': '系统',
  'society.history.empty': '暂无状态变更记录',
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
  'society.transition.invalid': '当前状态不允许此操作。可选：{allowed}',
  'society.transition.needsCreditCode': '需先登记统一社会信用代码',

  'society.form.createTitle': '新建学会',
  'society.form.editTitle': '编辑学会',
  'society.form.section.basic': '基本信息',
  'society.form.section.registration': '登记信息',
  'society.form.section.leadership': '负责人',
  'society.form.section.contact': '联系方式',
  'society.form.required': '请填写{field}',
  'society.form.select': '请选择{field}',
  'society.form.created': '已创建“{name}”',
  'society.form.saved': '已保存',
  'society.form.noChanges': '没有需要保存的修改',
  'society.form.submitCreate': '创建',
  'society.form.submitSave': '保存修改',
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
  'society.form.fixErrors': '请根据提示修改后再提交',
  'society.form.unsaved': '有未保存的修改',

  'problem.network': '无法连接服务器，请检查网络后重试',
  'problem.http_error': '服务暂时不可用，请稍后再试',
  'problem.unauthorized': '登录已失效，请重新登录',
  'problem.forbidden': '当前角色无权执行此操作',
  'problem.not_found': '记录不存在或无权查看',
  'problem.conflict': '与现有数据冲突',
  'problem.precondition_failed': '该记录已被他人修改，请重新加载后再操作',
  'problem.precondition_required': '缺少版本信息，请重新加载后再操作',
  'problem.invalid_transition': '当前状态不允许此操作',
  'problem.rule_violation': '不符合业务规则',
  'problem.validation_failed': '提交的内容有误，请检查后重试',
  'problem.bad_request': '请求格式有误',
  'problem.rate_limited': '操作过于频繁，请稍后再试',
  'login.invalid': '用户名或密码错误',
  'field.invalid': '格式不正确',
  'field.required': '此项为必填项',
  'field.in_future': '日期不能晚于今天',
  'field.maxLength': '内容过长',
  'field.minLength': '内容过短',
  'field.format': '格式不正确',
  'field.pattern': '格式不正确',
  'field.without_credit_code': '填写信用代码后才能填写例外理由',

  'credit.credit_code_format': '信用代码应为 18 位，由数字和除 I、O、S、V、Z 外的大写字母组成',
  'credit.credit_code_checksum': '校验位应为 {expected}，当前为 {actual}',
  'credit.credit_code_not_social_organisation': '社会团体的信用代码应以 51 开头',
  'credit.credit_code_taken': '该信用代码已被其他学会使用',
} as const;

export type MessageKey = keyof typeof zh;
type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'Society Hub',
  'app.subtitle': 'Affiliated societies of the city science and technology association',
  'app.footer': 'City Association for Science and Technology · Societies Department',
  'lang.switch': '中文',
  'lang.label': 'Language',

  'role.admin': 'Administrator',
  'role.society_officer': 'Society officer',
  'role.reviewer': 'Reviewer',
  'role.auditor': 'Auditor',

  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.submit': 'Sign in',
  'login.failed': 'Sign-in failed',
  'login.expired': 'Your session has expired; please sign in again',

  'layout.logout': 'Sign out',
  'layout.loggedOut': 'Signed out',
  'nav.societies': 'Societies',
  'nav.home': 'Home',
  'nav.noAccess': 'No features are available for your role yet.',

  'common.loading': 'Loading…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.confirm': 'OK',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.reload': 'Reload',
  'common.back': 'Back',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.none': '—',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.loadMore': 'Load more',
  'common.prevPage': 'Previous',
  'common.nextPage': 'Next',
  'common.firstPage': 'First page',
  'common.pageSize': '{n} per page',
  'common.pageNo': 'Page {n}',
  'common.error': 'Something went wrong',
  'common.retry': 'Retry',
  'common.notFound': 'Page not found',
  'common.notFoundDetail': 'The page does not exist or you may not view it.',
  'common.backHome': 'Back to home',
  'common.requestId': 'Request ID',

  'society.list.title': 'Societies',
  'society.list.description': 'Registration and status of the societies, associations and research societies.',
  'society.list.create': 'New society',
  'society.list.searchPlaceholder': 'Name or credit code',
  'society.list.empty': 'No societies match these filters',
  'society.list.allStatuses': 'All statuses',
  'society.list.allTypes': 'All types',
  'society.list.allDisciplines': 'All disciplines',
  'society.list.sort': 'Sort',
  'society.sort.-createdAt': 'Newest first',
  'society.sort.createdAt': 'Oldest first',
  'society.sort.-updatedAt': 'Recently updated',
  'society.sort.name': 'By name',

  'society.field.name': 'Name',
  'society.field.nameEn': 'English name',
  'society.field.type': 'Type',
  'society.field.discipline': 'Discipline',
  'society.field.status': 'Status',
  'society.field.creditCode': 'Unified social credit code',
  'society.field.creditCodeShort': 'Credit code',
  'society.field.creditCodeOverrideReason': 'Override reason',
  'society.field.supportingUnit': 'Supporting unit',
  'society.field.foundedOn': 'Founded on',
  'society.field.officeAddress': 'Office address',
  'society.field.contactPerson': 'Contact person',
  'society.field.contactPhone': 'Contact phone',
  'society.field.contactEmail': 'Email',
  'society.field.legalRepresentative': 'Legal representative',
  'society.field.chairName': 'Chair',
  'society.field.secretaryGeneralName': 'Secretary-general',
  'society.field.secretaryGeneralFullTime': 'Secretary-general post',
  'society.field.website': 'Website',
  'society.field.createdAt': 'Created',
  'society.field.updatedAt': 'Updated',
  'society.field.version': 'Version',

  'society.noSupportingUnit': 'None',
  'society.fullTime': 'Full-time',
  'society.partTime': 'Part-time',
  'society.unknown': 'Not given',

  'society.detail.tab.profile': 'Profile',
  'society.detail.tab.history': 'Status history',
  'society.detail.deleteConfirm': 'Delete “{name}”?',
  'society.detail.deleteHint': 'Only a society in preparation can be deleted. This cannot be undone.',
  'society.detail.deleted': 'Deleted',
  'society.detail.notFound': 'The society does not exist or you may not view it',
  'society.detail.section.registration': 'Registration',
  'society.detail.section.leadership': 'Leadership',
  'society.detail.section.contact': 'Contact',
  'society.detail.section.record': 'Record',
  'society.detail.overridden': 'Accepted by override',

  'society.history.at': 'Time',
  'society.history.change': 'Change',
  'society.history.reason': 'Reason',
  'society.history.actor': 'By',
  'society.history.system': 'System',
  'society.history.empty': 'No status changes yet',
  'society.history.created': 'Created',

  'society.action.active': 'Activate',
  'society.action.reactivate': 'Reactivate',
  'society.action.dormant': 'Mark dormant',
  'society.action.disqualified': 'Disqualify',
  'society.action.deregistered': 'Deregister',
  'society.action.preparing': 'Back to preparing',
  'society.transition.title': '{action}: {name}',
  'society.transition.summary': 'The status changes from “{from}” to “{to}”.',
  'society.transition.final': 'This is a final state and cannot be undone.',
  'society.transition.reason': 'Reason',
  'society.transition.reasonRequired': 'Give a reason for the change',
  'society.transition.reasonPlaceholder': 'e.g. the civil-affairs approval number or the council resolution',
  'society.transition.done': 'Status changed to “{to}”',
  'society.transition.invalid': 'Not allowed from the current status. Allowed: {allowed}',
  'society.transition.needsCreditCode': 'Record the unified social credit code first',

  'society.form.createTitle': 'New society',
  'society.form.editTitle': 'Edit society',
  'society.form.section.basic': 'Basic information',
  'society.form.section.registration': 'Registration',
  'society.form.section.leadership': 'Leadership',
  'society.form.section.contact': 'Contact',
  'society.form.required': 'Enter the {field}',
  'society.form.select': 'Choose the {field}',
  'society.form.created': 'Created “{name}”',
  'society.form.saved': 'Saved',
  'society.form.noChanges': 'Nothing to save',
  'society.form.submitCreate': 'Create',
  'society.form.submitSave': 'Save changes',
  'society.form.creditCodeHelp': '18 characters, upper case; never I, O, S, V or Z',
  'society.form.creditCodeOk': 'Check passed',
  'society.form.creditCodeLocked': 'Only association administrators maintain the credit code',
  'society.form.overrideHelp':
    'Some early codes are legal yet fail the check; state the evidence (e.g. the certificate number) to accept it',
  'society.form.overrideRequired': 'Give an override reason or correct the credit code',
  'society.form.supportingUnitPlaceholder': 'Leave empty for none',
  'society.form.namePlaceholder': 'e.g. City Chemical Society',
  'society.form.emailInvalid': 'Enter a valid email address',
  'society.form.phoneInvalid': 'Use 5 to 40 digits, spaces and +()-',
  'society.form.websiteInvalid': 'Enter an address starting with http:// or https://',
  'society.form.conflictTitle': 'Someone else changed this society',
  'society.form.conflictBody':
    'Another user saved changes after you opened this page. Reload the latest version before editing (your unsaved changes will be lost).',
  'society.form.fixErrors': 'Correct the highlighted fields and submit again',
  'society.form.unsaved': 'Unsaved changes',

  'problem.network': 'Cannot reach the server; check your connection and retry',
  'problem.http_error': 'The service is unavailable; try again later',
  'problem.unauthorized': 'Your session has ended; sign in again',
  'problem.forbidden': 'Your role does not allow this action',
  'problem.not_found': 'Not found, or you may not view it',
  'problem.conflict': 'This conflicts with existing data',
  'problem.precondition_failed': 'Someone else changed this record; reload and try again',
  'problem.precondition_required': 'The version is missing; reload and try again',
  'problem.invalid_transition': 'Not allowed from the current status',
  'problem.rule_violation': 'This breaks a business rule',
  'problem.validation_failed': 'Some fields are invalid; check and retry',
  'problem.bad_request': 'The request is malformed',
  'problem.rate_limited': 'Too many requests; try again shortly',
  'login.invalid': 'The username or password is incorrect',
  'field.invalid': 'Invalid value',
  'field.required': 'Required',
  'field.in_future': 'The date cannot be in the future',
  'field.maxLength': 'Too long',
  'field.minLength': 'Too short',
  'field.format': 'Invalid format',
  'field.pattern': 'Invalid format',
  'field.without_credit_code': 'An override reason only goes with a credit code',

  'credit.credit_code_format': 'A credit code is 18 digits or capital letters other than I, O, S, V and Z',
  'credit.credit_code_checksum': 'The check character should be {expected} but is {actual}',
  'credit.credit_code_not_social_organisation': 'A social organisation’s credit code starts with 51',
  'credit.credit_code_taken': 'Another society already uses this credit code',
};

export const messages: Record<Language, Messages> = { zh, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = messages[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zh;
}

const STORAGE_KEY = 'society-hub.language';

export function readStoredLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or disabled storage: the choice simply lasts for this visit.
  }
}

/** The `Accept-Language` the API should answer in. */
export function httpLanguage(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** Picks the reader's side of a `{ zh, en }` label from the domain package. */
  label: (label: Label) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <AppProvider>');
  return value;
}
