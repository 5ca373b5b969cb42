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
  /** SECURE_COOKIES: `auto` follows each request's transport (see `overTls`); true or false forces. */
  secureCookies: boolean | 'auto';
  /** Where the rate-limit counters live, shared by every API process. */
  db: DB;
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The request arrived over TLS: on a TLS socket, or — with TRUST_PROXY — as the proxy's
     * X-Forwarded-Proto says. Decided here, once per request, for everything that depends on it.
     */
    overTls: boolean;
    /** Whether cookies set in the answer carry `Secure` (SECURE_COOKIES, by default as `overTls`). */
    secureCookies: boolean;
  }
}

/** Expired rate-limit windows are removed this often (by every process; the delete is idempotent). */
const WINDOW_PURGE_MS = 60_000;

export const securityPlugin = fp(
  async (app: FastifyInstance, options: SecurityOptions) => {
    // Helmet's middleware built once per transport. (@fastify/helmet builds it anew on every request —
    // parsing the CSP directives each time, a few percent of a simple read's cost.) Over plain http —
    // the console on an intranet address without TLS — neither HSTS nor upgrade-insecure-requests:
    // the browser would fetch the console's scripts over an https that is not there, a blank page.
    const headersFor = (tls: boolean) =>
      helmet({
        strictTransportSecurity: tls,
        // Browsers ignore it from an untrustworthy (plain http, not loopback) origin and say so in the console.
        crossOriginOpenerPolicy: tls,
        contentSecurityPolicy: {
          directives: {
            upgradeInsecureRequests: tls ? [] : null,
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
    const overTlsHeaders = headersFor(true);
    const plainHttpHeaders = headersFor(false);
    app.decorateRequest('overTls', false);
    app.decorateRequest('secureCookies', false);
    app.addHook('onRequest', (request, reply, done) => {
      // Fastify's protocol: the socket's, or X-Forwarded-Proto's when trustProxy is on.
      request.overTls = request.protocol === 'https';
      request.secureCookies = options.secureCookies === 'auto' ? request.overTls : options.secureCookies;
      // API answers hold personal and unpublished data: no browser or proxy keeps a copy unless the
      // route says it may (the public directory and the signing keys set their own Cache-Control).
      if (request.url.startsWith('/v1/')) reply.header('cache-control', 'no-store');
      const securityHeaders = request.overTls ? overTlsHeaders : plainHttpHeaders;
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
