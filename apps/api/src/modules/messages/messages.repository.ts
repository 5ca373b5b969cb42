import { type Insertable, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { MessageStatus, MessagesTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;
export type MessageRow = Selectable<MessagesTable>;

export const MESSAGE_SORTS: readonly SortSpec[] = [{ name: '-createdAt', column: 'created_at', direction: 'desc' }];

/** Inserts messages; one already made under the same (dedupe key, channel) is left as it is. */
export async function insertMessages(trx: Executor, rows: Insertable<MessagesTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('messages')
    .values(rows)
    .onConflict((oc) => oc.columns(['dedupe_key', 'channel']).doNothing())
    .execute();
}

export interface MessageFilter {
  status?: MessageStatus | undefined;
  channel?: 'email' | 'sms' | undefined;
  kind?: string | undefined;
  userId?: string | undefined;
}

export async function listMessages(db: Executor, filter: MessageFilter, keyset: Keyset) {
  let query = db.selectFrom('messages').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  return paginate(query, keyset, 'id');
}

export async function findMessage(db: Executor, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Queues a message again with a fresh attempt budget, unless a worker holds its lease right now
 * (undefined then); compared with the database's clock, as the lease was set with it.
 */
export async function requeueMessage(trx: Trx, id: string): Promise<MessageRow | undefined> {
  return trx
    .updateTable('messages')
    .set({ status: 'queued', attempts: 0, next_attempt_at: sql<Date>`now()`, lease_token: null, lease_until: null })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst();
}

/** How many messages are in each state: the backlog /metrics shows (failed and kept wait for a person). */
export async function messageCounts(db: Executor): Promise<Record<MessageStatus, number>> {
  const rows = await db
    .selectFrom('messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['queued', 'failed', 'kept'])
    .groupBy('status')
    .execute();
  const counts: Record<MessageStatus, number> = { queued: 0, sent: 0, failed: 0, kept: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

// ---- the job queue's bookkeeping: operational state, not business changes, so no audit rows ----

export interface ClaimedMessage {
  id: string;
  attempts: number;
}

/** Claims due messages for one worker: `FOR UPDATE SKIP LOCKED` and a lease, as webhook deliveries are claimed. */
export async function claimDueMessages(db: DB, token: string, limit: number, leaseMs: number) {
  const result = await sql<ClaimedMessage>`
    UPDATE messages AS m
    SET lease_token = ${token}, lease_until = now() + make_interval(secs => ${leaseMs}::double precision / 1000),
        attempts = m.attempts + 1
    WHERE m.id IN (
      SELECT id FROM messages
      WHERE status = 'queued' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.attempts`.execute(db);
  return result.rows;
}

export interface MessageOutcome {
  status: MessageStatus;
  nextAttemptAt: Date;
  at: Date;
  error: string | null;
  response: string | null;
}

/** Records an attempt, only while this worker still holds the lease. */
export async function recordMessageOutcome(db: DB, id: string, token: string, outcome: MessageOutcome) {
  const updated = await db
    .updateTable('messages')
    .set({
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt,
      lease_token: null,
      lease_until: null,
      last_attempt_at: outcome.at,
      last_error: outcome.error,
      provider_response: outcome.response,
      ...(outcome.status === 'sent' ? { sent_at: outcome.at } : {}),
    })
    .where('id', '=', id)
    .where('lease_token', '=', token)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}
