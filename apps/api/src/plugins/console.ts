import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Serves the built console; deep links (`/societies/…`) get index.html so the router takes over. */
export const consolePlugin = fp(
  async (app: FastifyInstance, options: { root: string }) => {
    await app.register(fastifyStatic, {
      root: options.root,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (reply, path) => {
        // Hashed assets never change; index.html must be revalidated to pick up new builds.
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  },
  { name: 'console' },
);

export function consoleRoot(dir: string | null): string | null {
  if (dir === null) return null;
  const root = resolve(dir);
  return existsSync(resolve(root, 'index.html')) ? root : null;
}

export function spaFallback(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const path = request.url.split('?')[0] ?? '';
  const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
  if (!wantsPage || path.startsWith('/v1') || path.startsWith('/docs') || /\.[a-z0-9]+$/i.test(path)) return undefined;
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
