import { matchesEventType } from '@society-hub/domain';
import type { Insertable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { WebhookDeliveriesTable } from '../../db/database';
import { afterFailure, type JobQueue } from '../../lib/jobs/job-runner';
import type { PersonalDataVault } from '../../lib/personal-data';
import { inTransaction } from '../../lib/write';
import { feedHead, findEvent, readFeed } from '../events/events.repository';
import { clientVisibility, isVisible, toEvent } from '../events/events.service';
import * as repo from './webhooks.repository';
import { signedHeaders } from './webhooks.signing';
import { type DeliveryResult, postDelivery } from './webhooks.target';

export interface WebhookWorkerSettings {
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
 * Webhook deliveries as a queue of the shared job runner (lib/jobs/job-runner.ts), which polls, claims
 * and runs them in every API process; all of their state is in PostgreSQL:
 *
 * 1. Fan-out (`prepare`) turns new feed events into one delivery row per matching subscription. The
 *    position it has reached is one row that a process locks (`SKIP LOCKED`: the others skip fan-out
 *    that round), advanced in the same transaction that inserts the deliveries; the unique (webhook,
 *    event) key makes a repeated fan-out harmless. It reads the feed below the commit horizon
 *    (events.repository.ts), so it never steps past an event that commits later.
 * 2. Sending claims due deliveries with a lease (webhooks.repository.ts `claimDue`), POSTs them signed,
 *    and records each attempt; a failure is retried with exponential backoff up to a cap and a number
 *    of attempts, then the delivery is `failed` until someone redelivers it.
 *
 * Delivery is at-least-once: a process that dies after the receiver answered but before recording it
 * leaves the lease to expire and the delivery is sent again with the same `SocietyHub-Delivery` id.
 */
export class WebhookDeliveryQueue implements JobQueue<repo.Claimed> {
  readonly name = 'webhook-deliveries';

  constructor(
    private readonly db: DB,
    private readonly vault: PersonalDataVault,
    private readonly settings: WebhookWorkerSettings,
    private readonly counters: DeliveryCounters,
  ) {}

  get concurrency(): number {
    return this.settings.concurrency;
  }

  /** Longer than any attempt can take (the request's own timeout, plus its backstop and bookkeeping). */
  get leaseMs(): number {
    return this.settings.timeoutMs * 2 + 30_000;
  }

  async prepare(): Promise<void> {
    for (let batch = 0; batch < FANOUT_BATCHES_PER_POLL; batch++) {
      if (!(await this.fanOut())) break;
    }
  }

  claim(token: string, limit: number, leaseMs: number): Promise<repo.Claimed[]> {
    return repo.claimDue(this.db, token, limit, leaseMs);
  }

  async run(claim: repo.Claimed, token: string, worker: string): Promise<void> {
    await this.deliver(claim, token, worker);
  }

  /** One fan-out transaction; true when it filled a whole batch (more may be waiting). */
  private async fanOut(): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
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

  private async deliver(claim: repo.Claimed, token: string, worker: string): Promise<void> {
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
        { id: claim.id, token, attempt: claim.attempts, worker, attemptId: uuidv7() },
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
    const at = new Date();
    const retry = afterFailure(
      claim.attempts,
      this.settings.maxAttempts,
      { baseSeconds: this.settings.retryBaseSeconds, capSeconds: this.settings.retryCapSeconds },
      at,
    );
    const givingUp = !succeeded && (final || retry.givingUp);
    const recorded = await repo.recordOutcome(
      this.db,
      { id: claim.id, token, attempt: claim.attempts, worker, attemptId: uuidv7() },
      {
        status: succeeded ? 'succeeded' : givingUp ? 'failed' : 'pending',
        nextAttemptAt: retry.retryAt,
        at,
        statusCode: result.statusCode,
        error: result.error,
        durationMs: result.durationMs,
      },
    );
    // The lease was lost before the attempt was recorded: the process that took over records its own.
    if (!recorded) return;
    this.counters.attempted(succeeded ? 'succeeded' : 'failed');
    if (givingUp) this.counters.gaveUp();
  }
}
