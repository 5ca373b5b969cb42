import { type Selectable, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { OutboxEventsTable } from '../../db/database';
import { afterCursor, type Keyset, type SortSpec } from '../../lib/pagination';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;
export type OutboxRow = Selectable<OutboxEventsTable>;

/** A place in the feed: just after the event with this transaction id and event id. */
export interface FeedPosition {
  txid: string;
  id: string;
}

/** The feed's one order; cursors carry it, so a cursor from any other list is refused. */
export const FEED_SORT: SortSpec = { name: 'feed', column: 'txid', direction: 'asc' };

/** What a reader may see: everything, or some event families, optionally only some societies' events. */
export type FeedVisibility =
  | { kind: 'all' }
  | { kind: 'some'; families: readonly string[]; societyIds: readonly string[] | null };

export interface FeedRead {
  after: FeedPosition | null;
  limit: number;
  visibility: FeedVisibility;
  /** Exact types and families (`member.*`); empty or containing `*` means every type. */
  types: readonly string[];
}

/**
 * Reads the feed in a commit-safe order. Why not simply `ORDER BY seq`: a sequence number is taken
 * when a row is inserted, not when its transaction commits. Transaction A may insert event 10, then
 * B inserts 11 and commits first; a reader at that moment sees 11 but not 10, hands out 11, and
 * continues "after 11" — so 10, committed a moment later, is never delivered. (write() appends to
 * the outbox before it takes the audit lock, so this happens here under ordinary load.)
 *
 * Instead every event carries its writing transaction's id (`txid`, set by the column default
 * `pg_current_xact_id()`), the feed is ordered by (txid, id), and a read returns only events whose
 * transaction is older than the oldest transaction still running anywhere in the cluster
 * (`pg_snapshot_xmin(pg_current_snapshot())`). Every transaction below that horizon has finished, so
 * no event can ever appear later behind a position already handed out: the order is final once
 * visible. Events of a transaction still in flight wait until it ends (milliseconds normally; a
 * transaction left open holds the feed back, which /metrics shows as the horizon wait). Within one
 * transaction the ids are UUIDv7 from one process, increasing in the order the changes were made.
 */
export async function readFeed(db: Executor, read: FeedRead): Promise<OutboxRow[]> {
  if (read.visibility.kind === 'some') {
    const { families, societyIds } = read.visibility;
    if (families.length === 0 || societyIds?.length === 0) return [];
  }
  let query = db
    .selectFrom('outbox_events')
    .selectAll()
    .where(sql<SqlBool>`txid < pg_snapshot_xmin(pg_current_snapshot())`);
  if (read.after) {
    const keyset: Keyset = { sort: FEED_SORT, after: { value: read.after.txid, id: read.after.id }, limit: read.limit };
    const after = afterCursor(keyset, 'id');
    if (after) query = query.where(after);
  }
  if (read.visibility.kind === 'some') {
    const { families, societyIds } = read.visibility;
    query = query.where(sql<string>`split_part(type, '.', 1)`, 'in', [...families]);
    if (societyIds) query = query.where('society_id', 'in', [...societyIds]);
  }
  if (read.types.length > 0 && !read.types.includes('*')) {
    const exact = read.types.filter((t) => !t.endsWith('.*'));
    const families = read.types.filter((t) => t.endsWith('.*')).map((t) => t.slice(0, -2));
    query = query.where((eb) =>
      eb.or([
        ...(exact.length ? [eb('type', 'in', exact)] : []),
        ...(families.length ? [eb(sql<string>`split_part(type, '.', 1)`, 'in', families)] : []),
      ]),
    );
  }
  return query.orderBy('txid').orderBy('id').limit(read.limit).execute();
}

/** The newest position below the horizon, or null while the feed is empty. */
export async function feedHead(db: Executor): Promise<FeedPosition | null> {
  const row = await db
    .selectFrom('outbox_events')
    .select(['txid', 'id'])
    .where(sql<SqlBool>`txid < pg_snapshot_xmin(pg_current_snapshot())`)
    .orderBy('txid', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { txid: row.txid, id: row.id } : null;
}

export async function findEvent(db: Executor, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox_events').selectAll().where('id', '=', id).executeTakeFirst();
}
