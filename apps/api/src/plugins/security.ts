import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import type { DB } from '../db/connect';
import { AppError } from '../lib/errors';
import { postgresRateLimitStore, purgeExpiredRateLimitWindows } from './rate-limit-store';

export interface SecurityOptions {
  corsOrigins: readonly string[];
  rateLimitPerMinute: number;
  /** Where the rate-limit counters live, shared by every API process. */
  db: DB;
}

/** Expired rate-limit windows are removed this often (by every process; the delete is idempotent). */
const WINDOW_PURGE_MS = 60_000;

export const securityPlugin = fp(
  async (app: FastifyInstance, options: SecurityOptions) => {
    // Helmet's middleware built once. (@fastify/helmet builds it anew on every request — parsing the
    // CSP directives each time, a few percent of a simple read's cost.)
    const securityHeaders = helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Ant Design injects its CSS-in-JS styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onRequest', (request, reply, done) => {
      // API answers hold personal and unpublished data: no browser or proxy keeps a copy unless the
      // route says it may (the public directory and the signing keys set their own Cache-Control).
      if (request.url.startsWith('/v1/')) reply.header('cache-control', 'no-store');
      securityHeaders(request.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined));
    });
    if (options.corsOrigins.length > 0) {
      await app.register(cors, {
        origin: [...options.corsOrigins],
        credentials: true,
        exposedHeaders: ['etag', 'location', 'x-request-id', 'retry-after', 'idempotent-replayed'],
      });
    }
    await app.register(cookie);
    await app.register(rateLimit, {
      store: postgresRateLimitStore(options.db),
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
      errorResponseBuilder: (_request, context) =>
        new AppError(
          429,
          'rate_limited',
          `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`,
          {},
          { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
        ),
    });
    const purge = setInterval(
      () =>
        void purgeExpiredRateLimitWindows(options.db).catch((error: unknown) =>
          app.log.warn({ err: error }, 'rate-limit purge failed'),
        ),
      WINDOW_PURGE_MS,
    );
    purge.unref();
    app.addHook('onClose', async () => clearInterval(purge));
  },
  { name: 'security', dependencies: ['errors'] },
);
