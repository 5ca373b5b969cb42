import { type Insertable, type Selectable, sql } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import type { WebhookDeliveriesTable, WebhookDeliveryAttemptsTable, WebhooksTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import { storedJson } from '../../lib/stored-json';
import type { Trx } from '../../lib/write';
import type { FeedPosition } from '../events/events.repository';

type Executor = DB | Trx;
export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type AttemptRow = Selectable<WebhookDeliveryAttemptsTable>;

export const WEBHOOK_SORTS: readonly SortSpec[] = [{ name: '-createdAt', column: 'created_at', direction: 'desc' }];
export const DELIVERY_SORTS: readonly SortSpec[] = [{ name: '-createdAt', column: 'created_at', direction: 'desc' }];

export const readEventTypes = storedJson({}, Type.Array(Type.String()), 'webhook event types');

/** Null owner: staff, who reach every subscription; otherwise only the client's own. */
export type Owner = string | null;

export async function listWebhooks(db: Executor, owner: Owner, clientId: string | undefined, keyset: Keyset) {
  let query = db.selectFrom('webhooks').selectAll();
  if (owner !== null) query = query.where('client_id', '=', owner);
  if (clientId) query = query.where('client_id', '=', clientId);
  return paginate(query, keyset, 'id');
}

export async function findWebhook(db: Executor, owner: Owner, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('webhooks').selectAll().where('id', '=', id);
  if (owner !== null) query = query.where('client_id', '=', owner);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertWebhook(trx: Trx, row: Insertable<WebhooksTable>): Promise<WebhookRow> {
  return trx.insertInto('webhooks').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteWebhook(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('webhooks').where('id', '=', id).execute();
}

export async function listDeliveries(
  db: Executor,
  webhookId: string,
  status: DeliveryRow['status'] | undefined,
  keyset: Keyset,
) {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
  if (status) query = query.where('status', '=', status);
  return paginate(query, keyset, 'id');
}

/** The newest attempts of each delivery, at most `perDelivery` each. */
export async function attemptsOf(db: Executor, deliveryIds: readonly string[], perDelivery: number) {
  const byDelivery = new Map<string, AttemptRow[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db
    .selectFrom('webhook_delivery_attempts')
    .selectAll()
    .where('delivery_id', 'in', [...deliveryIds])
    .orderBy('delivery_id')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  for (const row of rows) {
    const list = byDelivery.get(row.delivery_id);
    if (list && list.length < perDelivery) list.push(row);
  }
  return byDelivery;
}

export async function findDelivery(db: Executor, webhookId: string, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Queues a delivery again with a fresh attempt budget — unless a worker holds its lease right now
 * (undefined then). The lease was set with the database's clock (`claimDue`), so it is compared with
 * the same clock here: an API process whose clock runs ahead would otherwise take a live lease for
 * an expired one and queue a delivery that is being sent.
 */
export async function requeueDelivery(trx: Trx, id: string): Promise<DeliveryRow | undefined> {
  return trx
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()`, lease_token: null, lease_until: null })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst();
}

// ---- the worker's bookkeeping: operational state, not business changes, so no audit rows ----

/** The fan-out position, locked for this transaction; undefined while another process holds it. */
export async function lockDispatchPosition(trx: Trx): Promise<FeedPosition | undefined> {
  const row = await trx
    .selectFrom('webhook_dispatch')
    .select(['after_txid', 'after_id'])
    .where('name', '=', 'outbox')
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row ? { txid: row.after_txid, id: row.after_id } : undefined;
}

export async function saveDispatchPosition(trx: Trx, position: FeedPosition): Promise<void> {
  await trx
    .updateTable('webhook_dispatch')
    .set({ after_txid: position.txid, after_id: position.id, updated_at: new Date() })
    .where('name', '=', 'outbox')
    .execute();
}

/** Subscriptions with their client's current settings; a disabled client's subscriptions rest. */
export async function activeSubscriptions(db: Executor) {
  const rows = await db
    .selectFrom('webhooks')
    .innerJoin('clients', 'clients.id', 'webhooks.client_id')
    .select([
      'webhooks.id',
      'webhooks.event_types',
      'webhooks.created_at',
      'webhooks.client_id',
      'clients.scopes',
      'clients.disabled',
    ])
    .where('clients.disabled', '=', false)
    .execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('client_societies')
    .select(['client_id', 'society_id'])
    .where('client_id', 'in', [...new Set(rows.map((r) => r.client_id))])
    .execute();
  return rows.map((row) => ({
    ...row,
    societyIds: links.filter((l) => l.client_id === row.client_id).map((l) => l.society_id),
  }));
}

export async function insertDeliveries(trx: Trx, rows: Insertable<WebhookDeliveriesTable>[]): Promise<number> {
  let inserted = 0;
  // 14 bind parameters a row; stay far below PostgreSQL's 65,535.
  for (let i = 0; i < rows.length; i += 1000) {
    const result = await trx
      .insertInto('webhook_deliveries')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export interface Claimed {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  attempts: number;
}

/** Deliveries of a subscription whose client is disabled rest: they are neither claimed nor counted as backlog. */
const OF_ENABLED_CLIENT = sql<boolean>`NOT EXISTS (
  SELECT 1 FROM webhooks w JOIN clients c ON c.id = w.client_id
  WHERE w.id = webhook_deliveries.webhook_id AND c.disabled)`;

/**
 * Claims up to `limit` due deliveries for one worker. `FOR UPDATE SKIP LOCKED` lets several
 * processes claim at once without waiting on or taking each other's rows, and the lease (a token
 * and an expiry, committed with the claim) keeps every other worker off a claimed row until it
 * expires — longer than one attempt may take — so no two workers ever send the same delivery at the
 * same time. A worker that dies mid-attempt leaves the lease to run out; then another retries
 * (at-least-once). Deliveries queued for a client that has since been disabled are left waiting,
 * their attempts untouched, until it is enabled again.
 */
export async function claimDue(db: DB, token: string, limit: number, leaseMs: number): Promise<Claimed[]> {
  const result = await sql<Claimed>`
    UPDATE webhook_deliveries AS d
    SET lease_token = ${token}, lease_until = now() + make_interval(secs => ${leaseMs}::double precision / 1000),
        attempts = d.attempts + 1
    WHERE d.id IN (
      SELECT id FROM webhook_deliveries
      WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
        AND ${OF_ENABLED_CLIENT}
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.webhook_id, d.event_id, d.event_type, d.attempts`.execute(db);
  return result.rows;
}

export interface Outcome {
  status: DeliveryRow['status'];
  nextAttemptAt: Date;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Records an attempt — only while this worker still holds the lease, so a worker that lost its
 * lease (stalled past it) cannot overwrite the outcome of the one that took over.
 */
export async function recordOutcome(
  db: DB,
  claim: { id: string; token: string; attempt: number; worker: string; attemptId: string },
  outcome: Outcome,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('webhook_deliveries')
      .set({
        status: outcome.status,
        next_attempt_at: outcome.nextAttemptAt,
        lease_token: null,
        lease_until: null,
        last_attempt_at: outcome.at,
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
        ...(outcome.status === 'succeeded' ? { delivered_at: outcome.at } : {}),
      })
      .where('id', '=', claim.id)
      .where('lease_token', '=', claim.token)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('webhook_delivery_attempts')
      .values({
        id: claim.attemptId,
        delivery_id: claim.id,
        attempt: claim.attempt,
        at: outcome.at,
        duration_ms: outcome.durationMs,
        status_code: outcome.statusCode,
        error: outcome.error,
        worker: claim.worker,
      })
      .execute();
    return true;
  });
}

/**
 * Gives a claimed delivery back untried, its attempt not counted (the client was disabled between
 * the claim and the send): it waits with the others of that client.
 */
export async function releaseClaim(db: DB, id: string, token: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({ lease_token: null, lease_until: null, attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('lease_token', '=', token)
    .execute();
}

/**
 * What the worker needs to send one delivery, with the client's settings as they are now: a
 * client disabled, or whose scopes or societies changed since the event was queued, is checked
 * again at every attempt.
 */
export async function deliveryTarget(db: DB, webhookId: string) {
  const row = await db
    .selectFrom('webhooks')
    .innerJoin('clients', 'clients.id', 'webhooks.client_id')
    .select([
      'webhooks.id',
      'webhooks.url',
      'webhooks.secret_sealed',
      'webhooks.event_types',
      'webhooks.client_id',
      'clients.scopes',
      'clients.disabled',
    ])
    .where('webhooks.id', '=', webhookId)
    .executeTakeFirst();
  if (!row) return undefined;
  const links = await db
    .selectFrom('client_societies')
    .select('society_id')
    .where('client_id', '=', row.client_id)
    .execute();
  return { ...row, societyIds: links.map((l) => l.society_id) };
}

export interface DeliveryBacklog {
  pending: number;
  oldestPendingSeconds: number;
}

export async function deliveryBacklog(db: DB): Promise<DeliveryBacklog> {
  const row = await sql<{ pending: number; oldest: number | null }>`
    SELECT count(*)::integer AS pending, EXTRACT(EPOCH FROM now() - min(created_at))::double precision AS oldest
    FROM webhook_deliveries WHERE status = 'pending' AND ${OF_ENABLED_CLIENT}`.execute(db);
  const first = row.rows[0];
  return { pending: first?.pending ?? 0, oldestPendingSeconds: Math.max(0, first?.oldest ?? 0) };
}

/** Seconds since the oldest committed event fan-out has not reached yet (0 when caught up). */
export async function dispatchLagSeconds(db: DB): Promise<number> {
  const row = await sql<{ lag: number | null }>`
    SELECT EXTRACT(EPOCH FROM now() - e.at)::double precision AS lag
    FROM webhook_dispatch d
    JOIN LATERAL (
      SELECT at FROM outbox_events
      WHERE (txid, id) > (d.after_txid, d.after_id) AND txid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY txid, id LIMIT 1) e ON true
    WHERE d.name = 'outbox'`.execute(db);
  return Math.max(0, row.rows[0]?.lag ?? 0);
}

/** How long the oldest transaction holding an id has run: events committed after it wait for it. */
export async function horizonWaitSeconds(db: DB): Promise<number> {
  const row = await sql<{ wait: number | null }>`
    SELECT EXTRACT(EPOCH FROM now() - min(xact_start))::double precision AS wait
    FROM pg_stat_activity WHERE backend_xid IS NOT NULL`.execute(db);
  return Math.max(0, row.rows[0]?.wait ?? 0);
}
