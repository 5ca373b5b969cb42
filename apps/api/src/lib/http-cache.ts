import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';

/** The 304 a cacheable GET may answer, for its response schemas. */
export const NotModifiedResponse = Type.Null({ description: 'Not modified: the ETag in If-None-Match is current' });

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  // Weak comparison (RFC 9110 §13.1.2): W/"x" and "x" name the same representation for a GET.
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Answers a public GET so that browsers and proxies may keep it for `maxAgeSeconds` and then
 * revalidate cheaply: a strong ETag over the body (so it changes exactly when the data does) and
 * `304 Not Modified` when the caller already has it. For data anyone may see only (`public`).
 */
export function sendCacheable<T>(request: FastifyRequest, reply: FastifyReply, body: T, maxAgeSeconds: number) {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', `public, max-age=${maxAgeSeconds}`);
  if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
  return reply.send(body);
}
