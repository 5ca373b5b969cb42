import { isMutable, isNotificationKind, NOTIFICATION_KINDS, type NotificationKind } from '@society-hub/domain';
import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import { keysetOf } from '../../lib/pagination';
import type { Caller, Principal } from '../../lib/request-context';
import { write } from '../../lib/write';
import * as repo from './notifications.repository';
import type {
  Notification,
  NotificationListQuerySchema,
  NotificationSettings,
  NotificationSettingsUpdateSchema,
} from './notifications.schemas';

function kindOf(value: string): NotificationKind {
  if (!isNotificationKind(value)) throw new Error(`stored notification kind ${value} is not a notification kind`);
  return value;
}

function toNotification(row: repo.NotificationRow): Notification {
  return {
    id: row.id,
    kind: kindOf(row.kind),
    title: row.title,
    body: row.body,
    link: row.link,
    read: row.read_at !== null,
    readAt: row.read_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** A person's inbox is their own: the user id comes from the token, never from the request. */
function ownerOf(principal: Principal): string {
  if (principal.kind !== 'user') throw errors.forbidden('Only people have an inbox.');
  return principal.id;
}

/** The inbox (the bell) and what a person chose to receive. */
export class NotificationService {
  constructor(private readonly db: DB) {}

  async list(principal: Principal, query: Static<typeof NotificationListQuerySchema>) {
    const keyset = keysetOf(repo.INBOX_SORTS, query);
    const { rows, nextCursor } = await repo.listInbox(this.db, ownerOf(principal), query.unread ?? false, keyset);
    return { items: rows.map(toNotification), nextCursor };
  }

  async unread(principal: Principal) {
    return { unread: await repo.unreadCount(this.db, ownerOf(principal)) };
  }

  /** Reading is the person's own state, not a business change: no audit row, but the one write path. */
  async markRead({ principal, context }: Caller, ids: readonly string[]) {
    const userId = ownerOf(principal);
    return write(this.db, context, async (trx) => ({ marked: await repo.markRead(trx, userId, ids) }));
  }

  async markAllRead({ principal, context }: Caller) {
    const userId = ownerOf(principal);
    return write(this.db, context, async (trx) => ({ marked: await repo.markAllRead(trx, userId) }));
  }

  async settings(principal: Principal): Promise<NotificationSettings> {
    const userId = ownerOf(principal);
    const recipient = await repo.userRecipient(this.db, userId);
    if (!recipient) throw errors.notFound('User');
    return {
      language: recipient.language,
      muted: (await repo.mutesOf(this.db, userId)).filter(isNotificationKind),
      kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, mutable: isMutable(kind) })),
    };
  }

  async updateSettings(
    { principal, context }: Caller,
    input: Static<typeof NotificationSettingsUpdateSchema>,
  ): Promise<NotificationSettings> {
    const userId = ownerOf(principal);
    const legal = input.muted.filter((kind) => !isMutable(kind));
    if (legal.length > 0) {
      throw errors.validation(
        legal.map((kind) => ({
          path: `/body/muted/${input.muted.indexOf(kind)}`,
          code: 'not_mutable',
          message: `${kind} is a legal notice: it is always sent.`,
        })),
      );
    }
    await write(this.db, context, async (trx, record) => {
      await repo.setLanguage(trx, userId, input.language);
      await repo.replaceMutes(trx, userId, input.muted);
      record({
        action: 'user.notification_settings',
        resourceType: 'user',
        resourceId: userId,
        after: { language: input.language, muted: [...input.muted].sort() },
      });
    });
    return this.settings(principal);
  }
}
