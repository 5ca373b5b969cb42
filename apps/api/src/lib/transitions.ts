import type { EventType, Mover, StateMachine } from '@society-hub/domain';
import type { FastifyRequest } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/connect';
import type { StatusTransitionRow } from '../db/database';
import { errors } from './errors';
import { assertVersion, expectedVersion } from './etag';
import { type Keyset, paginate } from './pagination';
import { type Actor, actsForAssociation, type Principal } from './request-context';
import type { Change, Trx } from './write';

/**
 * The one transition mechanism (issue 18). Every record with a lifecycle — society, member,
 * application, program, pilot, and the ones to come — moves the same way:
 *
 * 1. `checkMove`: the version the caller read (an optional `If-Match`), the lifecycle's table (409
 *    `invalid_transition` with the allowed targets), who may take the move (the lifecycle says, per
 *    move: 403 for the wrong mover, 422 for a move another operation carries), and the reason.
 * 2. The resource's service checks its own guards (a credit code, dues paid, eligibility) and updates
 *    its row, with whatever columns change along with the status.
 * 3. `recordMove` (or, for moves made a thousand at a time, `historyValues` plus `moveChange`)
 *    writes the history and the audit row with its change-feed event.
 */

/** What the mechanism knows of each kind of record that has a lifecycle. */
export interface Lifecycle<S extends string> {
  machine: StateMachine<S>;
  /** The audit log's resource type, which the history is keyed by too. */
  resourceType: string;
  /** The audit action's prefix: `<action>.transition.<to>`. */
  action: string;
  event: EventType;
  /** How a refusal names the record. */
  noun: string;
  /** For a refusal of a move nobody asks for: what carries the record there. */
  carriedBy: string;
  /** A refusal that says more than "only X move it to Y", by target state. */
  refusals?: Partial<Record<S, string>>;
}

/** The move a caller asked for, checked: the reason is trimmed and never blank. */
export interface CheckedMove<S extends string> {
  from: S;
  to: S;
  reason: string;
}

/** A record that moves: its id, its society (for scope, audit and history), its state and version. */
export interface Moving<S extends string> {
  id: string;
  societyId: string | null;
  status: S;
  version: number;
}

export interface TransitionRequest {
  to: string;
  reason: string;
}

/**
 * Who the caller is, as a lifecycle's movers: the Association's staff (or a client not bound to
 * societies), a society's secretariat (or a client bound to societies), or neither — a reviewer, an
 * auditor, or a government department's client, who read and evaluate but move nothing.
 */
export function moverOf(principal: Principal): Mover | null {
  if (principal.kind === 'client' && principal.department !== null) return null;
  if (actsForAssociation(principal)) return 'association';
  if (principal.kind === 'user' ? principal.role === 'society_officer' : principal.scope.kind === 'some') {
    return 'society';
  }
  return null;
}

/**
 * A transition's `If-Match` is optional (moves are rarely lost updates: the lifecycle refuses a move
 * from a state the record has left), but when given it must match, as on every other write.
 */
export function transitionVersion(request: FastifyRequest): number | null {
  return request.headers['if-match'] === undefined ? null : expectedVersion(request);
}

export function checkMove<S extends string>(
  lifecycle: Lifecycle<S>,
  principal: Principal,
  current: Moving<S>,
  request: TransitionRequest,
  expected: number | null,
): CheckedMove<S> {
  assertVersion(current.version, expected);
  const { machine } = lifecycle;
  const from = current.status;
  if (!machine.isState(request.to) || !machine.canTransition(from, request.to)) {
    throw errors.invalidTransition(from, request.to, machine.allowedFrom(from));
  }
  const to = request.to;
  const movers = machine.moversOf(from, to);
  if (movers.length === 0) {
    throw errors.ruleViolation(
      `Moving a ${lifecycle.noun} to ${to} happens through ${lifecycle.carriedBy}, not by hand.`,
    );
  }
  const mover = moverOf(principal);
  if (mover === null || !movers.includes(mover)) {
    throw errors.forbidden(lifecycle.refusals?.[to] ?? refusal(lifecycle, to, movers));
  }
  const reason = request.reason.trim();
  if (!reason) {
    throw errors.validation([{ path: '/body/reason', code: 'required', message: 'Give the reason for the change.' }]);
  }
  return { from, to, reason };
}

function refusal<S extends string>(lifecycle: Lifecycle<S>, to: S, movers: readonly Mover[]): string {
  if (movers.includes('association') && movers.includes('society')) {
    return `Only the ${lifecycle.noun}'s society or the Association’s staff move it to ${to}.`;
  }
  return movers.includes('society')
    ? `Only the ${lifecycle.noun}'s own society moves it to ${to}.`
    : `Only the Association’s staff move a ${lifecycle.noun} to ${to}.`;
}

/** The audit row (and change-feed event) of one move; `after` carries the reason, as the log shows it. */
export function moveChange<S extends string>(
  lifecycle: Lifecycle<S>,
  subject: Pick<Moving<S>, 'id' | 'societyId'>,
  move: CheckedMove<S>,
  before: unknown,
  after: object,
): Change {
  return {
    action: `${lifecycle.action}.transition.${move.to}`,
    resourceType: lifecycle.resourceType,
    resourceId: subject.id,
    societyId: subject.societyId,
    before,
    after: { ...after, transitionReason: move.reason },
    event: lifecycle.event,
  };
}

/** The history row of one move, for `recordMove` or a statement that writes many. */
export function historyValues<S extends string>(
  lifecycle: Lifecycle<S>,
  subject: Pick<Moving<S>, 'id' | 'societyId'>,
  move: CheckedMove<S>,
  actor: Actor,
  at: Date,
) {
  return {
    id: uuidv7(),
    resource_type: lifecycle.resourceType,
    resource_id: subject.id,
    society_id: subject.societyId,
    from_status: move.from,
    to_status: move.to,
    reason: move.reason,
    actor_id: actor.kind === 'system' ? null : actor.id,
    actor_name: actor.name,
    at,
  };
}

/** Writes a move's history and records its audit row and event, after the service updated the row. */
export async function recordMove<S extends string>(
  trx: Trx,
  actor: Actor,
  record: (change: Change) => void,
  lifecycle: Lifecycle<S>,
  subject: Pick<Moving<S>, 'id' | 'societyId'>,
  move: CheckedMove<S>,
  states: { before: unknown; after: object },
): Promise<void> {
  await trx
    .insertInto('status_transitions')
    .values(historyValues(lifecycle, subject, move, actor, new Date()))
    .execute();
  record(moveChange(lifecycle, subject, move, states.before, states.after));
}

/** One move of a record's history, as every history endpoint shows it (each in its own shape). */
export interface HistoryEntry<S extends string> {
  id: string;
  from: S;
  to: S;
  reason: string;
  actorId: string | null;
  actorName: string | null;
  at: string;
}

/** A record's history, oldest first, every move. */
export async function allTransitions<S extends string>(
  db: DB | Trx,
  lifecycle: Lifecycle<S>,
  id: string,
): Promise<HistoryEntry<S>[]> {
  const rows = await historyOf(db, lifecycle, id).orderBy('at').orderBy('id').execute();
  return rows.map((row) => toEntry(lifecycle, row));
}

/** A record's history a page at a time, in the keyset's order. */
export async function pagedTransitions<S extends string>(
  db: DB | Trx,
  lifecycle: Lifecycle<S>,
  id: string,
  keyset: Keyset,
): Promise<{ entries: HistoryEntry<S>[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await paginate(historyOf(db, lifecycle, id), keyset, 'id');
  return { entries: rows.map((row) => toEntry(lifecycle, row)), nextCursor };
}

/** A move as the society and application histories show it: the actor as who, if anyone is known. */
export function historyItem<S extends string>(entry: HistoryEntry<S>) {
  return {
    id: entry.id,
    from: entry.from,
    to: entry.to,
    reason: entry.reason,
    actor: entry.actorId || entry.actorName ? { id: entry.actorId, username: entry.actorName } : null,
    at: entry.at,
  };
}

function toEntry<S extends string>(lifecycle: Lifecycle<S>, row: StatusTransitionRow): HistoryEntry<S> {
  const state = (value: string): S => {
    // The table serves every lifecycle; a state this one does not know is corruption, not input.
    if (!lifecycle.machine.isState(value))
      throw new Error(`${lifecycle.resourceType} history holds unknown state ${value}`);
    return value;
  };
  return {
    id: row.id,
    from: state(row.from_status),
    to: state(row.to_status),
    reason: row.reason,
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at.toISOString(),
  };
}

function historyOf(db: DB | Trx, lifecycle: Lifecycle<string>, id: string) {
  return db
    .selectFrom('status_transitions')
    .selectAll()
    .where('resource_type', '=', lifecycle.resourceType)
    .where('resource_id', '=', id);
}
