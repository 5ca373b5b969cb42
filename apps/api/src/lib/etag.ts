import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from './errors';
import { declaresHeader } from './schemas';

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/**
 * The version the client claims to have read, from `If-Match`. Missing → 428; `*` → null (any
 * version, per RFC 9110); anything unparsable can never match → 412.
 */
export function expectedVersion(request: FastifyRequest, current?: number): number | null {
  // The declared header is what puts 412 and 428 into the route's contract (plugins/errors.ts).
  if (!declaresHeader(request.routeOptions.schema, 'if-match')) {
    throw new Error(`${request.routeOptions.url} reads If-Match without declaring it in its header schema`);
  }
  const header = request.headers['if-match'];
  if (header === undefined || header === '') throw errors.preconditionRequired();
  if (header.trim() === '*') return null;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  const version = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!Number.isInteger(version)) throw errors.preconditionFailed(current ?? 0);
  return version;
}

/**
 * 412 unless the record is still at the version the caller read; `null` (no If-Match on a transition,
 * or `*`) accepts any version. Every write that takes If-Match checks it here, on the row it locked.
 */
export function assertVersion(current: number, expected: number | null): void {
  if (expected !== null && current !== expected) throw errors.preconditionFailed(current);
}

/** 201 Created with the resource, its ETag and where it lives: every create answers the same way. */
export function sendCreated<T extends { version: number }>(reply: FastifyReply, location: string, resource: T) {
  setEtag(reply, resource.version);
  return reply.header('location', location).code(201).send(resource);
}
