import { isNotificationKind, maskPhone, type NotificationKind } from '@society-hub/domain';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import { keysetOf } from '../../lib/pagination';
import type { Caller } from '../../lib/request-context';
import { storedJson } from '../../lib/stored-json';
import { write } from '../../lib/write';
import * as repo from './messages.repository';
import type { Message, MessageListQuerySchema, MessageSummary } from './messages.schemas';

const readSmsParams = storedJson({}, Type.Record(Type.String(), Type.String()), 'SMS parameters');

/** `z***@example.org`, `138****5678`: enough to tell messages apart in a list. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  return at < 0 ? maskPhone(address) : `${address.slice(0, 1)}***${address.slice(at)}`;
}

function kindOf(value: string): NotificationKind {
  if (!isNotificationKind(value)) throw new Error(`stored message kind ${value} is not a notification kind`);
  return value;
}

function toSummary(row: repo.MessageRow, masked: boolean): MessageSummary {
  return {
    id: row.id,
    kind: kindOf(row.kind),
    channel: row.channel,
    userId: row.user_id,
    address: masked ? maskAddress(row.address) : row.address,
    language: row.language,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at.toISOString() : null,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    lastError: row.last_error,
    sentAt: row.sent_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

function toMessage(row: repo.MessageRow): Message {
  return {
    ...toSummary(row, false),
    body: row.body,
    smsTemplate: row.sms_template,
    smsParams: row.sms_params === null ? null : readSmsParams(row.sms_params),
    providerResponse: row.provider_response,
  };
}

/** The messages sent and kept (发信记录), for staff: read them, and send one again. */
export class MessageService {
  constructor(
    private readonly db: DB,
    private readonly configured: { email: boolean; sms: boolean },
  ) {}

  async list(query: Static<typeof MessageListQuerySchema>) {
    const keyset = keysetOf(repo.MESSAGE_SORTS, query);
    const { rows, nextCursor } = await repo.listMessages(this.db, query, keyset);
    return { items: rows.map((row) => toSummary(row, true)), nextCursor };
  }

  async get(id: string): Promise<Message> {
    const row = await repo.findMessage(this.db, id);
    if (!row) throw errors.notFound('Message');
    return toMessage(row);
  }

  /** A fresh round of attempts, e.g. after the mail server is back or an address was corrected. */
  async redeliver({ context }: Caller, id: string): Promise<Message> {
    const current = await repo.findMessage(this.db, id);
    if (!current) throw errors.notFound('Message');
    if (!this.configured[current.channel]) {
      throw errors.conflict(
        `No ${current.channel === 'email' ? 'mail server (SMTP_URL)' : 'SMS provider (SMS_PROVIDER)'} is configured: the message stays kept.`,
      );
    }
    return write(this.db, context, async (trx, record) => {
      const row = await repo.requeueMessage(trx, id);
      if (!row) throw errors.conflict('This message is being sent right now; look again in a moment.');
      record({
        action: 'message.redeliver',
        resourceType: 'message',
        resourceId: id,
        before: { status: current.status, attempts: current.attempts },
        after: { status: row.status, attempts: row.attempts },
      });
      return toMessage(row);
    });
  }
}
