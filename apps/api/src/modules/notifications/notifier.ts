import { dedupeKey, isMutable, type NotificationKind } from '@society-hub/domain';
import type { Insertable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { MessagesTable, NotificationsTable } from '../../db/database';
import type { Trx } from '../../lib/write';
import { insertMessages } from '../messages/messages.repository';
import { render, type TemplateVars } from '../messages/templates';
import * as repo from './notifications.repository';

export interface NotifierSettings {
  associationName: string;
  publicUrl: string;
  emailConfigured: boolean;
  smsConfigured: boolean;
  /** Kind → the provider's approved SMS template code. */
  smsTemplates: Readonly<Record<string, string>>;
}

/** One thing to tell: its kind, what it is about and for which period (the once-only key), and its facts. */
export interface Notice {
  kind: NotificationKind;
  item: string;
  period: string;
  vars: TemplateVars;
  /** A console path (`/reviews`, …); made absolute with PUBLIC_URL for messages. */
  path: string | null;
}

export interface Reach {
  /** The channels to use; by default every one the recipient has an address for. */
  channels?: readonly ('email' | 'sms')[];
  /** Whether the user's inbox gets it too (not for an account they cannot sign in to yet). */
  inbox?: boolean;
}

/**
 * Turns a notice into what reaches each recipient — an inbox entry, an e-mail, an SMS — in the
 * caller's transaction, so a notice is produced exactly when the change that causes it commits.
 * Nothing is sent here: messages are jobs (messages.queue.ts). Each recipient gets each notice once
 * (the dedupe key of kind, item, period and recipient); muted kinds are skipped unless legal.
 */
export class Notifier {
  constructor(private readonly settings: NotifierSettings) {}

  get publicUrl(): string {
    return this.settings.publicUrl;
  }

  async notify(trx: Trx, notice: Notice, recipients: readonly repo.Recipient[], reach: Reach = {}): Promise<string[]> {
    const userIds = recipients.flatMap((r) => (r.userId ? [r.userId] : []));
    const muted = isMutable(notice.kind) ? await repo.mutedAmong(trx, userIds, notice.kind) : new Set<string>();
    const now = new Date();
    const inbox: Insertable<NotificationsTable>[] = [];
    const messages: Insertable<MessagesTable>[] = [];
    const link = notice.path === null ? '' : `${this.settings.publicUrl}${notice.path}`;
    for (const recipient of recipients) {
      if (recipient.userId && muted.has(recipient.userId)) continue;
      const who = recipient.userId ?? recipient.email ?? recipient.phone ?? 'nobody';
      const key = dedupeKey(notice.kind, notice.item, notice.period, who);
      const text = render(
        notice.kind,
        recipient.language,
        { name: recipient.name, link, ...notice.vars },
        this.settings.associationName,
      );
      if (recipient.userId && reach.inbox !== false) {
        inbox.push({
          id: uuidv7(),
          user_id: recipient.userId,
          kind: notice.kind,
          title: text.subject,
          body: text.body,
          link: notice.path,
          dedupe_key: key,
          created_at: now,
        });
      }
      const channels = reach.channels ?? ['email', 'sms'];
      const base = {
        kind: notice.kind,
        user_id: recipient.userId,
        language: recipient.language,
        subject: text.subject,
        body: text.body,
        dedupe_key: key,
        next_attempt_at: now,
        created_at: now,
      };
      if (recipient.email && channels.includes('email')) {
        messages.push({
          ...base,
          id: uuidv7(),
          channel: 'email',
          address: recipient.email,
          sms_template: null,
          sms_params: null,
          status: this.settings.emailConfigured ? 'queued' : 'kept',
        });
      }
      const template = this.settings.smsTemplates[notice.kind] ?? null;
      // With a provider, only kinds it approved a template for go by SMS; without one, the SMS is kept to be read.
      if (recipient.phone && channels.includes('sms') && (template !== null || !this.settings.smsConfigured)) {
        messages.push({
          ...base,
          id: uuidv7(),
          channel: 'sms',
          address: recipient.phone,
          sms_template: template,
          sms_params: JSON.stringify(text.smsParams),
          status: this.settings.smsConfigured ? 'queued' : 'kept',
        });
      }
    }
    await repo.insertNotifications(trx, inbox);
    await insertMessages(trx, messages);
    return messages.map((m) => m.id);
  }
}
