import type { ApiScope, Role } from '@society-hub/domain';
import type { FastifyRequest } from 'fastify';
import { errors } from './errors';

/** Which societies a caller may reach: all of them, or only those it is bound to. */
export type SocietyScope = { kind: 'all' } | { kind: 'some'; societyIds: readonly string[] };

interface PrincipalBase {
  id: string;
  /** Shown in audit rows and histories: the username, or the client's name. */
  name: string;
  societyIds: string[];
  scope: SocietyScope;
}

/** A person logged in to the console. */
export interface UserPrincipal extends PrincipalBase {
  kind: 'user';
  username: string;
  displayName: string | null;
  role: Role;
  /** An administrator reset the password: only choosing a new one is allowed until then. */
  mustChangePassword: boolean;
}

/** Another city system calling with a client-credentials token. */
export interface ClientPrincipal extends PrincipalBase {
  kind: 'client';
  scopes: ApiScope[];
  /** The government department the client speaks for, if bound to one. */
  department: string | null;
}

export type Principal = UserPrincipal | ClientPrincipal;

/**
 * Who may change registry facts and override rules: Association staff, or a machine client that is
 * not bound to particular societies.
 */
export function actsForAssociation(principal: Principal): boolean {
  return principal.kind === 'user' ? principal.role === 'admin' : principal.scope.kind === 'all';
}

export interface Actor {
  kind: 'user' | 'client' | 'system';
  id: string | null;
  name: string | null;
}

/** The Idempotency-Key a request holds (see plugins/idempotency.ts). */
export interface IdempotencyClaim {
  principal: string;
  key: string;
  /** Tells this claim from a later one of the same key (after a stale claim was taken over). */
  claimedAt: Date;
}

/** Who is acting and from where: what the write path records with every change. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  ip: string | null;
  /** Marked committed in the same transaction as the change, so a retry never runs it twice. */
  idempotency?: IdempotencyClaim | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, name: 'system' };

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw errors.unauthorized();
  return request.principal;
}

export function contextOf(request: FastifyRequest): RequestContext {
  const principal = request.principal;
  return {
    actor: principal ? { kind: principal.kind, id: principal.id, name: principal.name } : SYSTEM_ACTOR,
    requestId: request.id,
    ip: request.ip ?? null,
    idempotency: request.idempotency,
  };
}

export function systemContext(requestId = 'system'): RequestContext {
  return { actor: SYSTEM_ACTOR, requestId, ip: null };
}

/** The principal and the request context together: what a service needs to perform a write. */
export interface Caller {
  principal: Principal;
  context: RequestContext;
}

export function callerOf(request: FastifyRequest): Caller {
  return { principal: principalOf(request), context: contextOf(request) };
}
