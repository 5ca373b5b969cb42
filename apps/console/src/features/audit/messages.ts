import type { Messages } from '@/lib/i18n';

/**
 * The audit log: its filters, entries, changes and the check of the hash chain.
 */
const zh = {
  'audit.title': '审计日志',
  'audit.description': '平台上每一次数据变更的记录：操作人、时间、对象及变更前后内容。记录逐条以哈希链接，不可篡改。',
  'audit.empty': '暂无审计记录',
  'audit.emptyFiltered': '暂无符合条件的审计记录',
  'audit.field.at': '时间',
  'audit.field.actor': '操作人',
  'audit.field.action': '操作',
  'audit.field.resource': '对象',
  'audit.field.ip': 'IP 地址',
  'audit.field.hash': '哈希',
  'audit.field.id': '编号',
  'audit.field.kid': '密钥编号',
  'audit.field.version': '版本',
  'audit.field.createdAt': '创建时间',
  'audit.field.updatedAt': '更新时间',
  'audit.field.status': '状态',
  'audit.filter.action': '操作，如 society.*',
  'audit.filter.allResources': '全部对象类型',
  'audit.filter.resourceId': '对象编号',
  'audit.filter.from': '开始日期',
  'audit.filter.to': '结束日期',
  'audit.filter.hint':
    '操作可填写完整名称，或以 * 结尾按前缀筛选；日期按北京时间计算，含起止当天。点击任一行查看变更详情。',
  'audit.actor.user': '用户',
  'audit.actor.client': '客户端',
  'audit.actor.system': '系统',
  'audit.resourceNamed': '{type}：{name}',
  'audit.resource.society': '学会',
  'audit.resource.user': '账号',
  'audit.resource.client': '接口客户端',
  'audit.resource.signing_key': '签名密钥',
  'audit.preset.society': '学会相关（全部）',
  'audit.preset.society.transition': '学会状态变更（全部）',
  'audit.preset.user': '账号相关（全部）',
  'audit.preset.client': '接口客户端相关（全部）',
  'audit.action.society.create': '新建学会',
  'audit.action.society.update': '修改学会信息',
  'audit.action.society.delete': '删除学会',
  'audit.action.society.transition': '学会状态变更为“{to}”',
  'audit.action.user.create': '新建账号',
  'audit.action.user.update': '修改账号',
  'audit.action.user.password_reset': '重置密码',
  'audit.action.client.create': '新建接口客户端',
  'audit.action.client.update': '修改接口客户端',
  'audit.action.client.secret_rotate': '更换客户端密钥',
  'audit.action.signing_key.rotate': '轮换签名密钥',
  'audit.diff.title': '变更内容',
  'audit.diff.field': '字段',
  'audit.diff.before': '变更前',
  'audit.diff.after': '变更后',
  'audit.diff.onlyChanged': '仅显示变更字段',
  'audit.diff.changedCount': '共 {n} 个字段发生变化（已高亮）',
  'audit.diff.empty': '此记录没有可比较的内容',
  'audit.verify.button': '校验完整性',
  'audit.verify.ok': '审计日志完整：已校验 {n} 条记录，未发现篡改',
  'audit.verify.head': '最新记录 #{seq} 的哈希（校验于 {at}）：',
  'audit.verify.keepHead': '建议将此哈希另行留存，日后可据此发现末尾记录被删除。',
  'audit.verify.emptyChain': '尚无审计记录。',
  'audit.verify.broken': '审计日志不完整：第 {seq} 条记录校验失败',
  'audit.verify.reason.altered': '该记录的内容与其哈希不符，可能已被修改。',
  'audit.verify.reason.missing_before': '该记录之前的记录缺失或顺序被打乱。',
  'audit.verify.checkedBefore': '在此之前已校验 {n} 条记录（校验于 {at}）。请立即报告系统管理员。',
  'audit.verify.failed': '无法完成校验',
  'audit.requestId': '请求编号',
} as const;

export type AuditKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    audit: AuditKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const auditMessages = { zh, en: () => import('./messages.en') } satisfies Messages<AuditKey>;
