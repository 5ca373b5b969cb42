import type { EventType } from '@society-hub/domain';
import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/connect';
import type { Database } from '../db/database';
import { type ChainedFields, chainHash, GENESIS_HASH } from '../modules/audit/audit.chain';
import { markIdempotencyCommitted } from '../plugins/idempotency';
import { CanonicalText } from './canonical-json';
import { type ColumnTypes, insertMany } from './insert-many';
import type { RequestContext } from './request-context';

export type Trx = Transaction<Database>;

/** One change a write makes: recorded in the audit log and, when it has an event type, in the outbox. */
export interface Change {
  action: string;
  resourceType: string;
  resourceId: string;
  societyId?: string | null;
  /** Public (already masked) representations; secrets and raw personal data never go here. */
  before?: unknown;
  after?: unknown;
  /** Change-feed event type, e.g. `society.updated`; omitted for changes other systems need not see. */
  event?: EventType | undefined;
}

/** Serialises appends to the audit chain across connections and processes (a fixed advisory lock key). */
const AUDIT_CHAIN_LOCK = 7_130_201;

/** Told the resource types of every write once it has committed (this process's caches listen). */
export type CommitListener = (resourceTypes: ReadonlySet<string>) => void;
const commitListeners = new Set<CommitListener>();

/** Subscribes to committed writes; the returned function unsubscribes. */
export function onCommit(listener: CommitListener): () => void {
  commitListeners.add(listener);
  return () => commitListeners.delete(listener);
}

/**
 * A transaction that records no change: reads that must see one state (a link checked before a
 * password is hashed), or work whose changes are not the audit log's (the notice feed's position).
 * Services use this rather than opening a transaction on the database themselves.
 */
export function inTransaction<T>(db: DB, work: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

/**
 * The one write path. The business change, its audit rows and its outbox events commit in one
 * transaction or not at all, so the audit log and the change feed never miss nor invent a change.
 */
export async function write<T>(
  db: DB,
  context: RequestContext,
  work: (trx: Trx, record: (change: Change) => void) => Promise<T>,
): Promise<T> {
  const changes: Change[] = [];
  const result = await db.transaction().execute(async (trx) => {
    const result = await work(trx, (change) => changes.push(change));
    if (changes.length > 0) await appendChanges(trx, context, changes);
    if (context.idempotency) await markIdempotencyCommitted(trx, context.idempotency);
    return result;
  });
  if (changes.length > 0 && commitListeners.size > 0) {
    const types = new Set(changes.map((c) => c.resourceType));
    for (const listener of commitListeners) listener(types);
  }
  return result;
}

async function appendChanges(trx: Trx, context: RequestContext, changes: Change[]): Promise<void> {
  const at = new Date().toISOString();
  // Each before/after is serialised once: the same canonical text is stored, hashed and published.
  const texts = changes.map((c) => ({
    before: c.before === undefined || c.before === null ? null : CanonicalText.of(c.before),
    after: c.after === undefined || c.after === null ? null : CanonicalText.of(c.after),
  }));
  const events = changes.flatMap((c, i) => (c.event === undefined ? [] : [{ change: c, after: texts[i]?.after }]));
  if (events.length > 0) {
    const values = events.map(({ change, after }) => ({
      id: uuidv7(),
      type: change.event ?? '',
      resource_type: change.resourceType,
      resource_id: change.resourceId,
      society_id: change.societyId ?? null,
      payload: after?.text ?? JSON.stringify({ id: change.resourceId }),
      at,
    }));
    await insertMany(trx, 'outbox_events', OUTBOX_COLUMNS, values);
  }

  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = changes.map((change, i) => {
    const { before, after } = texts[i] ?? { before: null, after: null };
    const fields: ChainedFields = {
      id: uuidv7(),
      at,
      actorKind: context.actor.kind,
      actorId: context.actor.id,
      actorName: context.actor.name,
      action: change.action,
      resourceType: change.resourceType,
      resourceId: change.resourceId,
      societyId: change.societyId ?? null,
      before,
      after,
      requestId: context.requestId,
      ip: context.ip,
    };
    const hash = chainHash(prevHash, fields);
    const row = {
      id: fields.id,
      at,
      actor_kind: fields.actorKind,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      action: fields.action,
      resource_type: fields.resourceType,
      resource_id: fields.resourceId,
      society_id: fields.societyId,
      before: before?.text ?? null,
      after: after?.text ?? null,
      request_id: fields.requestId,
      ip: fields.ip,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // One statement however many changes (a bulk import records a thousand); its rows take their
  // sequence numbers in order, so the chain order is kept.
  await insertMany(trx, 'audit_log', AUDIT_COLUMNS, rows);
}

const OUTBOX_COLUMNS: ColumnTypes<'outbox_events'> = {
  id: 'uuid',
  type: 'text',
  resource_type: 'text',
  resource_id: 'text',
  society_id: 'uuid',
  payload: 'jsonb',
  at: 'timestamptz',
};

const AUDIT_COLUMNS: ColumnTypes<'audit_log'> = {
  id: 'uuid',
  at: 'timestamptz',
  actor_kind: 'text',
  actor_id: 'text',
  actor_name: 'text',
  action: 'text',
  resource_type: 'text',
  resource_id: 'text',
  society_id: 'uuid',
  before: 'jsonb',
  after: 'jsonb',
  request_id: 'text',
  ip: 'text',
  prev_hash: 'text',
  hash: 'text',
};
