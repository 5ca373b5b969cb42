import type { Messages } from './registry';

/**
 * Words the entry itself shows, so they are always there: the product name, the language switch, the
 * sign-in page, common buttons, and the messages for failed requests and
 * fields.
 */
const zh = {
  'app.name': '学会通',
  'app.subtitle': '市科协所属学会管理平台',
  'app.footer': '市科学技术协会 · 学会工作部',
  'lang.switch': 'English',
  'lang.label': '语言',

  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.failed': '登录失败',
  'login.expired': '登录已过期，请重新登录',

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
  'common.error': '出错了',
  'common.retry': '重试',
  'common.notFound': '页面不存在',
  'common.notFoundDetail': '您访问的页面不存在或无权查看。',
  'common.backHome': '返回首页',

  'problem.network': '无法连接服务器，请检查网络后重试',
  'problem.http_error': '服务暂时不可用，请稍后再试',
  'problem.unauthorized': '登录已失效，请重新登录',
  'problem.forbidden': '当前角色无权执行此操作',
  'problem.not_found': '记录不存在或无权查看',
  'problem.conflict': '与现有数据冲突',
  'problem.precondition_failed': '该记录已被他人修改，请重新加载后再操作',
  'problem.precondition_required': '缺少版本信息，请重新加载后再操作',
  'problem.invalid_transition': '当前状态不允许此操作',
  'problem.invalidTransitionAllowed': '当前状态不允许此操作。可选：{allowed}',
  'problem.rule_violation': '不符合业务规则',
  'problem.validation_failed': '提交的内容有误，请检查后重试',
  'problem.bad_request': '请求格式有误',
  'problem.rate_limited': '操作过于频繁，请稍后再试',
  'problem.password_change_required': '管理员已重置您的密码，请先修改密码',
  'login.invalid': '用户名或密码错误',
  'field.invalid': '格式不正确',
  'field.required': '此项为必填项',
  'field.in_future': '日期不能晚于今天',
  'field.maxLength': '内容过长',
  'field.minLength': '内容过短',
  'field.format': '格式不正确',
  'field.pattern': '格式不正确',

  'login.notices': '查看项目资助公示',

  'login.directory': '学会名录与申报通知',
} as const;

export type ShellKey = keyof typeof zh;

/** Registered by `index.ts`, so the entry has these words from the start. */
export const shellMessages = { zh, en: () => import('./shell.en') } satisfies Messages<ShellKey>;
