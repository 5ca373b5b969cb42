import {
  localToday,
  type ReturnableResource,
  returnDeadline,
  returnStanding,
  WorkingDayCalendar,
} from '@society-hub/domain';
import { Type } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import type { Actor, SocietyScope } from '../../lib/request-context';
import { storedJson } from '../../lib/stored-json';
import type { Trx } from '../../lib/write';
import { loadCalendarData } from '../calendar/calendar.service';
import * as repo from './returns.repository';
import { ReturnCommentSchema, type ReturnRequest, type ReturnRound } from './returns.schemas';

/**
 * The rounds of returns for correction (退回修改, issue 21), shared by every record that can be sent
 * back: the record's own service checks and takes the move (lib/transitions.ts), then opens a round
 * here; filing the record again resolves it. The deadline rule is the domain's (returns/returns.ts).
 */

const readComments = storedJson(
  { ReturnComment: ReturnCommentSchema },
  Type.Array(Type.Ref('ReturnComment')),
  'return comments',
);

export interface Returned {
  resourceType: ReturnableResource;
  resourceId: string;
  societyId: string;
}

export function toRound(row: repo.ReturnRow, today = localToday()): ReturnRound {
  const resolvedAt = row.resolved_at?.toISOString() ?? null;
  return {
    id: row.id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    societyId: row.society_id,
    round: row.round,
    reason: row.reason,
    comments: readComments(row.comments),
    deadline: row.deadline,
    returnedBy:
      row.returned_by || row.returned_by_name ? { id: row.returned_by, username: row.returned_by_name } : null,
    returnedAt: row.returned_at.toISOString(),
    resolvedAt,
    expiredAt: row.expired_at?.toISOString() ?? null,
    standing: returnStanding({ deadline: row.deadline, resolvedAt, expired: row.expired_at !== null }, today),
  };
}

/**
 * The deadline of a return made today: the one staff gave (today or later), or the default number of
 * working days on the calendar as configured (every year entered, 调休 included).
 */
async function deadlineOf(db: DB | Trx, requested: string | undefined): Promise<string> {
  const today = localToday();
  if (requested !== undefined) {
    if (requested < today) {
      throw errors.validation([
        { path: '/body/deadline', code: 'in_past', message: `The deadline must be today (${today}) or later.` },
      ]);
    }
    return requested;
  }
  return returnDeadline(new WorkingDayCalendar(await loadCalendarData(db)), today);
}

/** Opens the next round for a record the caller has just moved to returned. */
export async function openRound(trx: Trx, subject: Returned, request: ReturnRequest, actor: Actor, at: Date) {
  const row = await repo.insertRound(trx, {
    id: uuidv7(),
    resource_type: subject.resourceType,
    resource_id: subject.resourceId,
    society_id: subject.societyId,
    round: (await repo.lastRoundNumber(trx, subject.resourceType, subject.resourceId)) + 1,
    reason: request.reason.trim(),
    comments: JSON.stringify(request.comments),
    deadline: await deadlineOf(trx, request.deadline),
    returned_by: actor.kind === 'system' ? null : actor.id,
    returned_by_name: actor.name,
    returned_at: at,
  });
  return toRound(row);
}

/**
 * The open round of a returned record the society is filing again, resolved; refused once its
 * deadline has passed (the record then stays returned, or was rejected, as its kind decides).
 */
export async function resolveOpenRound(
  trx: Trx,
  subject: Returned,
  noun: string,
  at: Date,
  options: { lateAllowed?: boolean } = {},
): Promise<void> {
  const open = await repo.openRoundOf(trx, subject.resourceType, subject.resourceId);
  if (!open) return;
  const today = localToday(at);
  if (today > open.deadline && !options.lateAllowed) {
    throw errors.ruleViolation(
      `The ${noun} was due back by ${open.deadline} (today is ${today}); past that day it can no longer be filed again.`,
      [{ path: '/body', code: 'return_overdue', message: `The return’s deadline ${open.deadline} has passed.` }],
    );
  }
  await repo.resolveRound(trx, open.id, at);
}

/** Every round of a record with its comments (of each kind given, e.g. screening and final report), oldest first. */
export async function listRounds(db: DB | Trx, resourceTypes: readonly ReturnableResource[], resourceId: string) {
  const rows = await repo.roundsOf(db, resourceTypes, resourceId);
  const today = localToday();
  return { items: rows.map((row) => toRound(row, today)), nextCursor: null };
}

/** Open rounds in the scope, each with where it stands today and what it is about (reminders, dashboard). */
export async function openRounds(db: DB, scope: SocietyScope) {
  const today = localToday();
  const rows = await repo.openRoundsIn(db, scope);
  return rows.map((row) => ({
    round: toRound(row, today),
    society: { id: row.society_id, name: row.society_name },
    reportYear: row.report_year,
    programId: row.program_id,
    applicationTitle: row.application_title,
  }));
}
