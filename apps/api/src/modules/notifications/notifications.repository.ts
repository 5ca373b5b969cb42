import type { Language } from '@society-hub/domain';
import type { Insertable, Selectable } from 'kysely';
import type { DB } from '../../db/connect';
import type { NotificationsTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { Trx } from '../../lib/write';
import type { FeedPosition } from '../events/events.repository';

type Executor = DB | Trx;
export type NotificationRow = Selectable<NotificationsTable>;

export const INBOX_SORTS: readonly SortSpec[] = [{ name: '-createdAt', column: 'created_at', direction: 'desc' }];

/** Someone a notice goes to: a user (inbox, verified contacts, language), or an expert without an account. */
export interface Recipient {
  userId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  language: Language;
}

const USER_CONTACT = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.email',
  'users.phone',
  'users.language',
] as const;

function toRecipient(row: {
  id: string;
  username: string;
  display_name: string | null;
  email: string | null;
  phone: string | null;
  language: Language;
}): Recipient {
  return {
    userId: row.id,
    name: row.display_name ?? row.username,
    email: row.email,
    phone: row.phone,
    language: row.language,
  };
}

/** The secretariat of a society: its enabled officers. */
export async function societyRecipients(db: Executor, societyId: string): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_societies', 'user_societies.user_id', 'users.id')
    .select(USER_CONTACT)
    .where('user_societies.society_id', '=', societyId)
    .where('users.role', '=', 'society_officer')
    .where('users.disabled', '=', false)
    .orderBy('users.id')
    .execute();
  return rows.map(toRecipient);
}

/**
 * An expert: their account (inbox, language, confirmed contacts) when they have one; the e-mail and
 * mobile on the expert record stand in for contacts the account has not confirmed.
 */
export async function expertRecipient(db: Executor, expertId: string): Promise<Recipient | undefined> {
  const expert = await db
    .selectFrom('experts')
    .select(['name', 'email', 'phone'])
    .where('id', '=', expertId)
    .executeTakeFirst();
  if (!expert) return undefined;
  const user = await db
    .selectFrom('users')
    .select(USER_CONTACT)
    .where('users.expert_id', '=', expertId)
    .where('users.disabled', '=', false)
    .executeTakeFirst();
  if (!user) return { userId: null, name: expert.name, email: expert.email, phone: expert.phone, language: 'zh' };
  const account = toRecipient(user);
  return { ...account, name: expert.name, email: account.email ?? expert.email, phone: account.phone ?? expert.phone };
}

export async function userRecipient(db: Executor, userId: string): Promise<Recipient | undefined> {
  const row = await db.selectFrom('users').select(USER_CONTACT).where('users.id', '=', userId).executeTakeFirst();
  return row ? toRecipient(row) : undefined;
}

/** Of these users, those who muted this kind. */
export async function mutedAmong(db: Executor, userIds: readonly string[], kind: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('notification_mutes')
    .select('user_id')
    .where('kind', '=', kind)
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Inserts inbox entries; one already made under the same dedupe key is left as it is. */
export async function insertNotifications(db: Executor, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export async function listInbox(db: Executor, userId: string, unreadOnly: boolean, keyset: Keyset) {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  return paginate(query, keyset, 'id');
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks those of these notifications that are the user's and unread; how many that was. */
export async function markRead(db: Executor, userId: string, ids: readonly string[]): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('id', 'in', [...ids])
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markAllRead(db: Executor, userId: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function mutesOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('notification_mutes')
    .select('kind')
    .where('user_id', '=', userId)
    .orderBy('kind')
    .execute();
  return rows.map((r) => r.kind);
}

export async function replaceMutes(trx: Trx, userId: string, kinds: readonly string[]): Promise<void> {
  await trx.deleteFrom('notification_mutes').where('user_id', '=', userId).execute();
  if (kinds.length > 0) {
    await trx
      .insertInto('notification_mutes')
      .values(kinds.map((kind) => ({ user_id: userId, kind })))
      .execute();
  }
}

export async function setLanguage(trx: Trx, userId: string, language: Language): Promise<void> {
  await trx.updateTable('users').set({ language }).where('id', '=', userId).execute();
}

// ---- where the change feed has been turned into notifications (its own row of webhook_dispatch) ----

export async function lockNotificationPosition(trx: Trx): Promise<FeedPosition | undefined> {
  const row = await trx
    .selectFrom('webhook_dispatch')
    .select(['after_txid', 'after_id'])
    .where('name', '=', 'notifications')
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row ? { txid: row.after_txid, id: row.after_id } : undefined;
}

export async function saveNotificationPosition(trx: Trx, position: FeedPosition): Promise<void> {
  await trx
    .updateTable('webhook_dispatch')
    .set({ after_txid: position.txid, after_id: position.id, updated_at: new Date() })
    .where('name', '=', 'notifications')
    .execute();
}

// ---- the facts a notice about a feed event is written from ----

export async function assignmentFacts(db: Executor, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  return db
    .selectFrom('review_assignments')
    .innerJoin('funding_applications', 'funding_applications.id', 'review_assignments.application_id')
    .innerJoin('funding_programs', 'funding_programs.id', 'review_assignments.program_id')
    .select([
      'review_assignments.id',
      'review_assignments.expert_id',
      'review_assignments.created_at',
      'funding_applications.title',
      'funding_programs.name as program',
    ])
    .where('review_assignments.id', 'in', [...assignmentIds])
    .where('review_assignments.status', '=', 'assigned')
    .execute();
}

export async function openAssignmentsOf(db: Executor, programId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('review_assignments')
    .select('id')
    .where('program_id', '=', programId)
    .where('status', '=', 'assigned')
    .execute();
  return rows.map((r) => r.id);
}

export async function applicationFacts(db: Executor, id: string) {
  return db
    .selectFrom('funding_applications')
    .select(['id', 'title', 'status', 'society_id', 'program_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The status an application last moved from (to tell a screening rejection from a decision). */
export async function lastMoveFrom(db: Executor, applicationId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('status_transitions')
    .select('from_status')
    .where('resource_type', '=', 'funding_application')
    .where('resource_id', '=', applicationId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.from_status;
}

export async function programFacts(db: Executor, id: string) {
  return db
    .selectFrom('funding_programs')
    .select(['id', 'name', 'status', 'closes_on'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function activeSocietyIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('societies').select('id').where('status', '=', 'active').execute();
  return rows.map((r) => r.id);
}
