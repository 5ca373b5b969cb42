import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DB } from '../db/connect';
import { AppError } from '../lib/errors';
import { messageCounts } from '../modules/messages/messages.repository';
import { deliveryBacklog, dispatchLagSeconds, horizonWaitSeconds } from '../modules/webhooks/webhooks.repository';
import type { DeliveryCounters } from '../modules/webhooks/webhooks.worker';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

const PREFIX = 'society_hub_';

/** A database gauge whose query fails reports NaN for that scrape instead of failing the whole scrape. */
async function orNaN(read: () => Promise<number>): Promise<number> {
  try {
    return await read();
  } catch {
    return Number.NaN;
  }
}

/**
 * The process's Prometheus metrics: one registry per app (tests build several apps in one process).
 * Request metrics are labelled with the route pattern (`/v1/societies/:id`), never the raw URL, so an
 * id or a scan of random paths cannot blow up the number of series. Gauges that describe the shared
 * database (outbox lag, backlog) are read at scrape time, so every process reports the same values.
 */
export class Metrics implements DeliveryCounters {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time to answer, by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly attempts = new Counter({
    name: `${PREFIX}webhook_delivery_attempts_total`,
    help: 'Webhook delivery attempts made by this process, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly givenUp = new Counter({
    name: `${PREFIX}webhook_deliveries_failed_total`,
    help: 'Webhook deliveries this process gave up on after their last attempt (status failed)',
    registers: [this.registry],
  });

  constructor(db: DB, poolStats: (() => PoolStats) | null) {
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
    new Gauge({
      name: `${PREFIX}outbox_dispatch_lag_seconds`,
      help: 'Age of the oldest committed change-feed event that webhook fan-out has not reached (0 when caught up)',
      registers: [this.registry],
      async collect() {
        this.set(await orNaN(() => dispatchLagSeconds(db)));
      },
    });
    new Gauge({
      name: `${PREFIX}outbox_horizon_wait_seconds`,
      help: 'How long the oldest open transaction has run: feed events committed after it wait for it to end',
      registers: [this.registry],
      async collect() {
        this.set(await orNaN(() => horizonWaitSeconds(db)));
      },
    });
    const backlog = new Gauge({
      name: `${PREFIX}webhook_deliveries_pending`,
      help: 'Webhook deliveries waiting for their first or next attempt',
      registers: [this.registry],
    });
    new Gauge({
      name: `${PREFIX}webhook_oldest_pending_delivery_seconds`,
      help: 'Age of the oldest webhook delivery not yet delivered or given up',
      registers: [this.registry],
      async collect() {
        const current = await deliveryBacklog(db).catch(() => ({
          pending: Number.NaN,
          oldestPendingSeconds: Number.NaN,
        }));
        this.set(current.oldestPendingSeconds);
        backlog.set(current.pending);
      },
    });
    new Gauge({
      name: `${PREFIX}messages`,
      help: 'E-mails and SMS not sent: queued (waiting for an attempt), failed (attempts used up), kept (no channel configured)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const counts = await messageCounts(db).catch(() => ({
          queued: Number.NaN,
          failed: Number.NaN,
          kept: Number.NaN,
        }));
        for (const status of ['queued', 'failed', 'kept'] as const) this.set({ status }, counts[status]);
      },
    });
    if (poolStats) {
      new Gauge({
        name: `${PREFIX}db_pool_connections`,
        help: 'This process’s PostgreSQL pool: total and idle connections, requests waiting for one, and the maximum',
        labelNames: ['state'] as const,
        registers: [this.registry],
        collect() {
          const stats = poolStats();
          for (const state of ['total', 'idle', 'waiting', 'max'] as const) this.set({ state }, stats[state]);
        },
      });
    }
  }

  observe(request: FastifyRequest, statusCode: number, seconds: number): void {
    const labels = {
      method: request.method,
      // Unmatched requests (404s) share one label: their paths are arbitrary.
      route: request.routeOptions.url ?? 'unmatched',
      status_code: String(statusCode),
    };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  attempted(outcome: 'succeeded' | 'failed'): void {
    this.attempts.inc({ outcome });
  }

  gaveUp(): void {
    this.givenUp.inc();
  }
}

export interface MetricsOptions {
  metrics: Metrics;
  /** Bearer token required at /metrics; null: open when `open`, else refused. */
  token: string | null;
  open: boolean;
}

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const given = Buffer.from(match?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `/metrics` in the Prometheus text format. Outside /v1 and the contract (like /docs): it is for the
 * operator's scraper, guarded by its own token (METRICS_TOKEN) or deliberately open (METRICS_OPEN=1).
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, options: MetricsOptions) => {
    const { metrics } = options;
    app.addHook('onResponse', async (request, reply) => {
      metrics.observe(request, reply.statusCode, reply.elapsedTime / 1000);
    });

    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!options.open) {
        if (options.token === null) {
          throw new AppError(403, 'forbidden', 'Metrics are not enabled: set METRICS_TOKEN, or METRICS_OPEN=1.');
        }
        if (!bearerMatches(request, options.token)) {
          throw new AppError(
            401,
            'unauthorized',
            'Send the metrics token as a bearer token.',
            {},
            {
              'www-authenticate': 'Bearer realm="metrics"',
            },
          );
        }
      }
      reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store');
      return metrics.registry.metrics();
    });
  },
  { name: 'metrics', dependencies: ['errors'] },
);
