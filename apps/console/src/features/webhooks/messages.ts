import type { Messages } from '@/lib/i18n';

/**
 * The integration pages: webhooks, their deliveries, and the change feed.
 */
const zh = {
  'webhook.list.title': '数据对接',
  'webhook.list.description':
    '其他市级系统（民政局、财政局、科技局等）通过变更流（GET /v1/events）按游标读取平台的每一次变更，或订阅 Webhook 由平台主动推送（HMAC-SHA256 签名）。',
  'webhook.tab.subscriptions': 'Webhook 订阅',
  'webhook.tab.feed': '变更流',
  'webhook.empty': '暂无 Webhook 订阅',
  'webhook.createTitle': '新建订阅',
  'webhook.createSubmit': '创建订阅',
  'webhook.field.client': '对接系统',
  'webhook.field.url': '接收地址',
  'webhook.field.eventTypes': '事件类型',
  'webhook.field.description': '说明',
  'webhook.field.createdAt': '创建时间',
  'webhook.field.secret': '签名密钥',
  'webhook.clientHelp': '推送该系统在变更流中可见的事件（按其权限范围与所属学会）；系统须具有“变更流·读取”权限。',
  'webhook.clientPlaceholder': '选择机器客户端',
  'webhook.urlHelp': '须为 https 公网地址；平台不会访问内网、本机地址，也不跟随重定向。',
  'webhook.eventTypesHelp': '精确类型（如 member.created）、一类事件（如 member.*）或 *（全部）。',
  'webhook.error.client_required': '请选择对接系统',
  'webhook.error.url_required': '请输入接收地址',
  'webhook.error.types_required': '请至少选择一种事件类型',
  'webhook.error.missing_scope': '该系统没有“变更流·读取”权限，请先在机器客户端中授予。',
  'webhook.error.unsafe_url': '地址不可用：{reason}',
  'webhook.secret.title': '订阅已创建：请保存签名密钥',
  'webhook.secret.warningDetail': '密钥只显示这一次。接收方用它校验每次推送的 SocietyHub-Signature 签名。',
  'webhook.secret.usage':
    '校验方法与示例代码见 docs/webhooks.md：对“时间戳.请求体”计算 HMAC-SHA256，并拒绝超过 5 分钟的时间戳。',
  'webhook.deliveries': '投递记录',
  'webhook.deleteTitle': '删除此订阅？',
  'webhook.deleteHint': '将不再向 {url} 推送，投递记录一并删除。',
  'webhook.deleted': '订阅已删除',
  'webhook.delivery.title': '投递记录 · {url}',
  'webhook.delivery.all': '全部',
  'webhook.delivery.hint': '失败会按指数退避自动重试；放弃后可手动重新投递。',
  'webhook.delivery.empty': '暂无投递',
  'webhook.delivery.queuedAt': '排队时间',
  'webhook.delivery.eventType': '事件',
  'webhook.delivery.status': '状态',
  'webhook.delivery.status.pending': '待投递',
  'webhook.delivery.status.succeeded': '已送达',
  'webhook.delivery.status.failed': '已放弃',
  'webhook.delivery.attempts': '次数',
  'webhook.delivery.lastResult': '最近结果',
  'webhook.delivery.when': '时间',
  'webhook.delivery.nextAt': '下次 {at}',
  'webhook.delivery.redeliver': '重新投递',
  'webhook.delivery.requeued': '已加入投递队列',
  'webhook.delivery.attemptAt': '尝试时间',
  'webhook.delivery.duration': '耗时',
  'webhook.delivery.result': '结果',

  'event.intro': '变更流按提交顺序列出每一次变更，与对接系统读取到的完全一致（从头开始，每页 50 条）。',
  'event.typePlaceholder': '按类型筛选，如 society.*,member.created',
  'event.empty': '暂无事件',
  'event.upToDate': '已是最新',
  'event.field.at': '时间',
  'event.field.type': '类型',
  'event.field.resource': '对象',
} as const;

export type IntegrationKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    integration: IntegrationKey;
  }
}

/** Registered (`registerMessages`) by the pages and parts that show these words: Chinese at once, English when chosen. */
export const integrationMessages = { zh, en: () => import('./messages.en') } satisfies Messages<IntegrationKey>;
