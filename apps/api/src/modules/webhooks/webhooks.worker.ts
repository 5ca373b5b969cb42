import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { matchesEventType, retryDelaySeconds } from '@society-hub/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Insertable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { WebhookDeliveriesTable } from '../../db/database';
import type { PersonalDataVault } from '../../lib/personal-data';
import { feedHead, findEvent, readFeed } from '../events/events.repository';
import { clientVisibility, isVisible, toEvent } from '../events/events.service';
import * as repo from './webhooks.repository';
import { signedHeaders } from './webhooks.signing';
import { type DeliveryResult, postDelivery } from './webhooks.target';

export interface WebhookWorkerSettings {
  pollMs: number;
  retryBaseSeconds: number;
  retryCapSeconds: number;
  timeoutMs: number;
  concurrency: number;
  maxAttempts: number;
  internalHosts: readonly string[];
}

/** Where the worker reports what it did (the metrics plugin counts it). */
export interface DeliveryCounters {
  attempted(outcome: 'succeeded' | 'failed'): void;
  gaveUp(): void;
}

/**
 * What became of a claimed delivery: tried (the receiver's answer, or why it could not be made), or
 * not tried because its subscription is gone, its client is disabled (parked until enabled again), or
 * the client may no longer read the event (withheld for good).
 */
type Attempted =
  | { kind: 'tried'; result: DeliveryResult; final: boolean }
  | { kind: 'gone' }
  | { kind: 'parked' }
  | { kind: 'withheld' };

const WITHHELD =
  'Not sent: the client may no longer read this event (its scopes or societies changed after it was queued).';

/** Events fanned out per transaction, and transactions per poll (so a backlog drains without starving sends). */
const FANOUT_BATCH = 500;
const FANOUT_BATCHES_PER_POLL = 20;

/**
 * Delivers webhooks from inside every API process; all of its state is in PostgreSQL, so it survives
 * restarts and any number of processes may run it at once:
 *
 * 1. Fan-out turns new feed events into one delivery row per matching subscription. The position it
 *    has reached is one row that a process locks (`SKIP LOCKED`: the others skip fan-out that round),
 *    advanced in the same transaction that inserts the deliveries; the unique (webhook, event) key makes
 *    a repeated fan-out harmless. It reads the feed below the commit horizon (events.repository.ts), so
 *    it never steps past an event that commits later.
 * 2. Sending claims due deliveries with a lease (webhooks.repository.ts `claimDue`), POSTs them signed,
 *    and records each attempt; a failure is retried with exponential backoff up to a cap and a number
 *    of attempts, then the delivery is `failed` until someone redelivers it.
 *
 * Delivery is at-least-once: a process that dies after the receiver answered but before recording it
 * leaves the lease to expire and the delivery is sent again with the same `SocietyHub-Delivery` id.
 */
export class WebhookWorker {
  /** Recorded with each attempt: which process made it. */
  readonly name = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | null = null;
  private claiming: Promise<void> | null = null;
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly db: DB,
    private readonly vault: PersonalDataVault,
    private readonly settings: WebhookWorkerSettings,
    private readonly counters: DeliveryCounters,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Longer than any attempt can take (the request's own timeout, plus its backstop and bookkeeping). */
  private get leaseMs(): number {
    return this.settings.timeoutMs * 2 + 30_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  /** Stops polling and waits for the attempts in flight (each bounded by its timeout) to be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.polling;
    while (this.claiming || this.sending.size > 0) await Promise.allSettled([this.claiming, ...this.sending]);
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll()
        .catch((error: unknown) => this.log.warn({ err: error }, 'webhook worker poll failed'))
        .finally(() => {
          this.polling = null;
          this.schedule();
        });
    }, this.settings.pollMs);
  }

  private async poll(): Promise<void> {
    for (let batch = 0; batch < FANOUT_BATCHES_PER_POLL && this.running; batch++) {
      if (!(await this.fanOut())) break;
    }
    if (this.running) await this.claimAndSend();
  }

  /** One fan-out transaction; true when it filled a whole batch (more may be waiting). */
  private async fanOut(): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const position = await repo.lockDispatchPosition(trx);
      if (!position) return false;
      const subscriptions = (await repo.activeSubscriptions(trx)).map((s) => ({
        id: s.id,
        createdAt: s.created_at.getTime(),
        eventTypes: repo.readEventTypes(s.event_types),
        visibility: clientVisibility({ scopes: s.scopes, societyIds: s.societyIds }),
      }));
      if (subscriptions.length === 0) {
        // Nobody to deliver to: a subscription only receives events from its creation on, so skip ahead.
        const head = await feedHead(trx);
        if (head && (head.txid !== position.txid || head.id !== position.id)) {
          await repo.saveDispatchPosition(trx, head);
        }
        return false;
      }
      const events = await readFeed(trx, {
        after: position,
        limit: FANOUT_BATCH,
        visibility: { kind: 'all' },
        types: [],
      });
      const last = events.at(-1);
      if (!last) return false;
      const now = new Date();
      const deliveries: Insertable<WebhookDeliveriesTable>[] = [];
      for (const event of events) {
        for (const subscription of subscriptions) {
          if (event.at.getTime() < subscription.createdAt) continue;
          if (!matchesEventType(subscription.eventTypes, event.type)) continue;
          if (!isVisible(subscription.visibility, event)) continue;
          deliveries.push({
            id: uuidv7(),
            webhook_id: subscription.id,
            event_id: event.id,
            event_type: event.type,
            status: 'pending',
            next_attempt_at: now,
            created_at: now,
          });
        }
      }
      await repo.insertDeliveries(trx, deliveries);
      await repo.saveDispatchPosition(trx, { txid: last.txid, id: last.id });
      return events.length === FANOUT_BATCH;
    });
  }

  /** One claim at a time per process; a call while one runs joins it. */
  private claimAndSend(): Promise<void> {
    if (!this.running) return Promise.resolve();
    this.claiming ??= this.claimOnce().finally(() => {
      this.claiming = null;
    });
    return this.claiming;
  }

  private async claimOnce(): Promise<void> {
    const room = this.settings.concurrency - this.sending.size;
    if (room <= 0) return;
    const token = randomUUID();
    const claimed = await repo.claimDue(this.db, token, room, this.leaseMs);
    // A full claim means more may be due: each freed slot claims again at once instead of at the next poll.
    const backlog = claimed.length === room;
    for (const claim of claimed) {
      // Sends run beside the polling loop, so a slow receiver does not stop this process claiming more.
      const sending: Promise<void> = this.deliver(claim, token)
        .catch((error: unknown) => this.log.error({ err: error, delivery: claim.id }, 'webhook delivery failed'))
        .finally(() => {
          this.sending.delete(sending);
          if (backlog) {
            this.claimAndSend().catch((error: unknown) => this.log.warn({ err: error }, 'webhook claim failed'));
          }
        });
      this.sending.add(sending);
    }
  }

  private async attempt(claim: repo.Claimed): Promise<Attempted> {
    const target = await repo.deliveryTarget(this.db, claim.webhook_id);
    if (!target) return { kind: 'gone' };
    if (target.disabled) return { kind: 'parked' };
    const event = await findEvent(this.db, claim.event_id);
    if (!event)
      return {
        kind: 'tried',
        result: { statusCode: null, error: 'The event is no longer kept.', durationMs: 0 },
        final: true,
      };
    // The client's scopes and societies now, not when the event was queued: a scope withdrawn or a
    // society unbound meanwhile means the event is no longer the client's to receive (as in its feed).
    const visibility = clientVisibility({ scopes: target.scopes, societyIds: target.societyIds });
    if (!isVisible(visibility, event) || !matchesEventType(repo.readEventTypes(target.event_types), event.type)) {
      return { kind: 'withheld' };
    }
    let secret: string;
    try {
      secret = this.vault.decrypt(target.secret_sealed);
    } catch {
      const error = 'The signing secret cannot be unsealed: do all processes share MEMBER_DATA_KEY?';
      return { kind: 'tried', result: { statusCode: null, error, durationMs: 0 }, final: false };
    }
    const body = JSON.stringify(toEvent(event));
    const headers = signedHeaders(secret, { id: claim.id, eventType: claim.event_type }, body);
    const result = await postDelivery(target.url, body, headers, {
      timeoutMs: this.settings.timeoutMs,
      internalHosts: this.settings.internalHosts,
    });
    return { kind: 'tried', result, final: false };
  }

  private async deliver(claim: repo.Claimed, token: string): Promise<void> {
    const attempted = await this.attempt(claim);
    // The subscription was deleted meanwhile; its deliveries went with it.
    if (attempted.kind === 'gone') return;
    if (attempted.kind === 'parked') {
      await repo.releaseClaim(this.db, claim.id, token);
      return;
    }
    if (attempted.kind === 'withheld') {
      // Nothing was sent: recorded so the delivery log says why, but not counted in the attempt metrics.
      await repo.recordOutcome(
        this.db,
        { id: claim.id, token, attempt: claim.attempts, worker: this.name, attemptId: uuidv7() },
        {
          status: 'failed',
          nextAttemptAt: new Date(),
          at: new Date(),
          statusCode: null,
          error: WITHHELD,
          durationMs: 0,
        },
      );
      return;
    }
    const { result, final } = attempted;
    const succeeded = result.error === null;
    const givingUp = !succeeded && (final || claim.attempts >= this.settings.maxAttempts);
    const at = new Date();
    const retryIn = retryDelaySeconds(
      claim.attempts,
      { baseSeconds: this.settings.retryBaseSeconds, capSeconds: this.settings.retryCapSeconds },
      Math.random(),
    );
    const recorded = await repo.recordOutcome(
      this.db,
      { id: claim.id, token, attempt: claim.attempts, worker: this.name, attemptId: uuidv7() },
      {
        status: succeeded ? 'succeeded' : givingUp ? 'failed' : 'pending',
        nextAttemptAt: new Date(at.getTime() + retryIn * 1000),
        at,
        statusCode: result.statusCode,
        error: result.error,
        durationMs: result.durationMs,
      },
    );
    if (!recorded) {
      this.log.warn({ delivery: claim.id }, 'webhook lease lost before the attempt was recorded');
      return;
    }
    this.counters.attempted(succeeded ? 'succeeded' : 'failed');
    if (givingUp) this.counters.gaveUp();
  }
}
