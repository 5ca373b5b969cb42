import type { Messages } from '@/lib/i18n';

/** The message log (发信记录): what the platform sent by e-mail and SMS, for the administrator. */
const zh = {
  'messageLog.title': '发信记录',
  'messageLog.description': '平台发出的邮件和短信：收件人已脱敏，可查看内容与服务商回执，失败的可重新发送',
  'messageLog.empty': '暂无发信记录',
  'messageLog.allStatuses': '全部状态',
  'messageLog.allChannels': '全部渠道',
  'messageLog.status.queued': '待发送',
  'messageLog.status.sent': '已发送',
  'messageLog.status.failed': '发送失败',
  'messageLog.status.kept': '未发送',
  'messageLog.channel.email': '邮件',
  'messageLog.channel.sms': '短信',
  'messageLog.field.subject': '主题',
  'messageLog.field.recipient': '收件人',
  'messageLog.field.channel': '渠道',
  'messageLog.field.status': '状态',
  'messageLog.field.attempts': '尝试次数',
  'messageLog.field.createdAt': '创建时间',
  'messageLog.field.sentAt': '发送时间',
  'messageLog.field.body': '正文',
  'messageLog.field.provider': '服务商回执',
  'messageLog.field.lastError': '最近错误',
  'messageLog.detail': '发信详情',
  'messageLog.redeliver': '重新发送',
  'messageLog.redelivered': '已重新排队发送',
} as const;

export type MessageLogKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    messageLog: MessageLogKey;
  }
}

/** Registered by the message log page: Chinese at once, English when chosen. */
export const messageLogMessages = { zh, en: () => import('./messages.en') } satisfies Messages<MessageLogKey>;
