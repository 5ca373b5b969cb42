import { NOTIFICATION_KINDS } from '@society-hub/domain';
import { type Static, Type } from 'typebox';
import { Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';

export const MessageStatusSchema = Type.Enum(['queued', 'sent', 'failed', 'kept'], {
  $id: 'MessageStatus',
  description:
    'queued 待发送 (waiting for its next attempt) / sent 已发送 / failed 发送失败 (attempts used up or refused; redeliver to try again) / kept 未发送 (no channel configured: kept to be read here)',
});

export const NotificationKindSchema = Type.Enum(NOTIFICATION_KINDS, {
  $id: 'NotificationKind',
  description:
    'invitation 邀请 / password_reset 重置密码 / contact_verification 联系方式验证 / review_assigned 评审任务 / annual_report_due 年报将到期 / annual_report_overdue 年报逾期 / application_returned 未通过形式审查 / application_decided 申报结果 / call_opened 申报开始',
});

const MessageFields = {
  id: Uuid,
  kind: ref(NotificationKindSchema),
  channel: Type.Enum(['email', 'sms']),
  userId: Nullable(Uuid),
  address: Type.String({ description: 'The e-mail address or mobile number; masked in lists' }),
  language: Type.Enum(['zh', 'en']),
  subject: Type.String(),
  status: ref(MessageStatusSchema),
  attempts: Type.Integer({ minimum: 0 }),
  nextAttemptAt: Nullable(Timestamp),
  lastAttemptAt: Nullable(Timestamp),
  lastError: Nullable(Type.String()),
  sentAt: Nullable(Timestamp),
  createdAt: Timestamp,
};

export const MessageSummarySchema = Type.Object(MessageFields, {
  $id: 'MessageSummary',
  additionalProperties: false,
});

export const MessageSchema = Type.Object(
  {
    ...MessageFields,
    body: Type.String({
      description: 'The text as sent (or kept): an invitation or reset link is readable here for staff to pass on',
    }),
    smsTemplate: Nullable(Type.String({ description: 'The provider’s approved template code' })),
    smsParams: Nullable(Type.Record(Type.String(), Type.String())),
    providerResponse: Nullable(Type.String({ description: 'The mail server’s or SMS provider’s last answer' })),
  },
  { $id: 'Message', additionalProperties: false },
);

export const MessagePageSchema = pageOf(MessageSummarySchema, 'MessagePage');

export const MessageListQuerySchema = Type.Object(
  {
    status: Type.Optional(ref(MessageStatusSchema)),
    channel: Type.Optional(Type.Enum(['email', 'sms'])),
    kind: Type.Optional(ref(NotificationKindSchema)),
    userId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export type Message = Static<typeof MessageSchema>;
export type MessageSummary = Static<typeof MessageSummarySchema>;

export const messageSchemas = [
  MessageStatusSchema,
  NotificationKindSchema,
  MessageSummarySchema,
  MessageSchema,
  MessagePageSchema,
];
