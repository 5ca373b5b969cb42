import { type Static, Type } from 'typebox';
import { Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';
import { NotificationKindSchema } from '../messages/messages.schemas';

export const NotificationSchema = Type.Object(
  {
    id: Uuid,
    kind: ref(NotificationKindSchema),
    title: Type.String(),
    body: Type.String(),
    link: Nullable(Type.String({ description: 'The console path of the thing it is about' })),
    read: Type.Boolean(),
    readAt: Nullable(Timestamp),
    createdAt: Timestamp,
  },
  { $id: 'Notification', additionalProperties: false },
);

export const NotificationPageSchema = pageOf(NotificationSchema, 'NotificationPage');

export const NotificationListQuerySchema = Type.Object(
  { unread: Type.Optional(Type.Boolean({ description: 'Only the unread ones' })), ...PageQuery },
  { additionalProperties: false },
);

export const UnreadCountSchema = Type.Object(
  { unread: Type.Integer({ minimum: 0 }) },
  { $id: 'UnreadCount', additionalProperties: false },
);

export const NotificationIdsSchema = Type.Object(
  { ids: Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  { $id: 'NotificationIds', additionalProperties: false },
);

export const MarkedReadSchema = Type.Object(
  { marked: Type.Integer({ minimum: 0, description: 'How many were unread' }) },
  { $id: 'MarkedRead', additionalProperties: false },
);

export const NotificationSettingsSchema = Type.Object(
  {
    language: Type.Enum(['zh', 'en'], { description: 'The language of what you are sent' }),
    muted: Type.Array(ref(NotificationKindSchema), { description: 'Kinds you chose not to receive' }),
    kinds: Type.Array(
      Type.Object(
        { kind: ref(NotificationKindSchema), mutable: Type.Boolean({ description: 'False for legal notices' }) },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'NotificationSettings', additionalProperties: false },
);

export const NotificationSettingsUpdateSchema = Type.Object(
  {
    language: Type.Enum(['zh', 'en']),
    muted: Type.Array(ref(NotificationKindSchema), { maxItems: 50, uniqueItems: true }),
  },
  { $id: 'NotificationSettingsUpdate', additionalProperties: false },
);

export type Notification = Static<typeof NotificationSchema>;
export type NotificationSettings = Static<typeof NotificationSettingsSchema>;

export const notificationSchemas = [
  NotificationSchema,
  NotificationPageSchema,
  UnreadCountSchema,
  NotificationIdsSchema,
  MarkedReadSchema,
  NotificationSettingsSchema,
  NotificationSettingsUpdateSchema,
];
