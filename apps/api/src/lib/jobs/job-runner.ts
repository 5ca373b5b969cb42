import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type RetryPolicy, retryDelaySeconds } from '@society-hub/domain';
import type { FastifyBaseLogger } from 'fastify';

/** A job a queue handed to this process: its row id and how many attempts it has had, this one included. */
export interface ClaimedJob {
  id: string;
  attempts: number;
}

/**
 * One kind of durable job kept in a PostgreSQL table (webhook deliveries, messages). The table holds all
 * of a job's state — status, attempts, next attempt, lease — so jobs survive restarts and any number of
 * processes may run the same queues at once.
 */
export interface JobQueue<C extends ClaimedJob = ClaimedJob> {
  readonly name: string;
  /** Jobs of this queue one process runs at once. */
  readonly concurrency: number;
  /** Longer than any one run can take: another process takes the job over only after it. */
  readonly leaseMs: number;
  /**
   * Work done once a poll before claiming: turning new feed events into jobs (fan-out), scheduling
   * reminders. Several processes may call it at once; it must guard itself (a locked position row).
   */
  prepare?(): Promise<void>;
  /** Takes up to `limit` due jobs for this process (`FOR UPDATE SKIP LOCKED`, a lease under `token`). */
  claim(token: string, limit: number, leaseMs: number): Promise<C[]>;
  /** Runs one claimed job and records its outcome (only while `token` still holds the lease). */
  run(claim: C, token: string, worker: string): Promise<void>;
}

/**
 * Something that makes jobs rather than runs them (the change feed turned into notifications, the
 * scheduled reminders): called once a poll, before the queues claim, so what it queued goes out in
 * the same round. Several processes may call it at once; it must guard itself.
 */
export interface JobSource {
  readonly name: string;
  prepare(): Promise<void>;
}

export interface RetryDecision {
  /** No attempts left: the job is failed until someone redelivers it. */
  givingUp: boolean;
  /** When to try again if not giving up. */
  retryAt: Date;
}

/** The one backoff of every queue: exponential from the base, capped, with jitter (the domain's rule). */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  policy: RetryPolicy,
  now = new Date(),
): RetryDecision {
  const seconds = retryDelaySeconds(attempts, policy, Math.random());
  return { givingUp: attempts >= maxAttempts, retryAt: new Date(now.getTime() + seconds * 1000) };
}

interface QueueState {
  queue: JobQueue;
  claiming: Promise<void> | null;
  readonly running: Set<Promise<void>>;
}

/**
 * Runs durable jobs from inside every API process (the issue's "one mechanism"): a poll calls each
 * queue's `prepare`, then claims what is due up to the queue's concurrency and runs the claims beside
 * the polling loop, so one slow receiver or mail server does not stop the others. A full claim means
 * more may be waiting: each finished job claims again at once rather than at the next poll.
 *
 * Why not pg-boss or graphile-worker: both need node-postgres pools — graphile-worker a dedicated
 * LISTEN connection besides, pg-boss multi-statement scripts and its own concurrent connections —
 * while the embedded default is PGlite, one connection behind Kysely. This runner only issues Kysely
 * queries through the queues' repositories, so it runs the same on both.
 */
export class JobRunner {
  /** Recorded with each attempt: which process made it. */
  readonly name = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private active = false;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | null = null;
  private readonly states: QueueState[];

  constructor(
    queues: readonly JobQueue[],
    private readonly sources: readonly JobSource[],
    private readonly pollMs: number,
    private readonly log: FastifyBaseLogger,
  ) {
    this.states = queues.map((queue) => ({ queue, claiming: null, running: new Set() }));
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.schedule();
  }

  /** Stops polling and waits for the jobs in flight (each bounded by its own timeout) to be recorded. */
  async stop(): Promise<void> {
    this.active = false;
    clearTimeout(this.timer);
    await this.polling;
    for (const state of this.states) {
      while (state.claiming || state.running.size > 0) await Promise.allSettled([state.claiming, ...state.running]);
    }
  }

  private schedule(): void {
    if (!this.active) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll()
        .catch((error: unknown) => this.log.warn({ err: error }, 'job poll failed'))
        .finally(() => {
          this.polling = null;
          this.schedule();
        });
    }, this.pollMs);
  }

  private async poll(): Promise<void> {
    for (const source of [...this.sources, ...this.states.map((s) => s.queue)]) {
      if (!this.active) return;
      try {
        await source.prepare?.();
      } catch (error) {
        this.log.warn({ err: error, source: source.name }, 'job preparation failed');
      }
    }
    for (const state of this.states) {
      if (this.active) await this.claimAndRun(state);
    }
  }

  /** One claim at a time per queue and process; a call while one runs joins it. */
  private claimAndRun(state: QueueState): Promise<void> {
    if (!this.active) return Promise.resolve();
    state.claiming ??= this.claimOnce(state).finally(() => {
      state.claiming = null;
    });
    return state.claiming;
  }

  private async claimOnce(state: QueueState): Promise<void> {
    const { queue } = state;
    const room = queue.concurrency - state.running.size;
    if (room <= 0) return;
    const token = randomUUID();
    const claimed = await queue.claim(token, room, queue.leaseMs);
    const backlog = claimed.length === room;
    for (const claim of claimed) {
      const running: Promise<void> = queue
        .run(claim, token, this.name)
        .catch((error: unknown) => this.log.error({ err: error, queue: queue.name, job: claim.id }, 'job failed'))
        .finally(() => {
          state.running.delete(running);
          if (backlog) {
            this.claimAndRun(state).catch((error: unknown) =>
              this.log.warn({ err: error, queue: queue.name }, 'job claim failed'),
            );
          }
        });
      state.running.add(running);
    }
  }
}
