import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { NoticeObjectionsTable } from '../../db/database';
import type { Trx } from '../../lib/write';
import { applicationQuery } from './funding.repository';

/** Programs whose notice ended on or after `since` (a calendar day), the latest notice first. */
export async function programsWithNoticeSince(db: DB, since: string) {
  return db
    .selectFrom('funding_programs')
    .selectAll()
    .where('status', 'in', ['notice', 'finalised'])
    .where('notice_ends_on', '>=', since)
    .orderBy('notice_starts_on', 'desc')
    .execute();
}

/** The applications a program's notice lists: by category, the largest allocation first. */
export async function noticedApplications(db: DB, programId: string) {
  return applicationQuery(db)
    .where('funding_applications.program_id', '=', programId)
    .where('funding_applications.status', 'in', ['notice', 'funded', 'reported', 'closed'])
    .orderBy('funding_applications.category_code')
    .orderBy('funding_applications.allocated_fen', 'desc')
    .orderBy('funding_applications.id')
    .execute();
}

export async function isUnderNotice(trx: Trx, applicationId: string, programId: string): Promise<boolean> {
  const application = await trx
    .selectFrom('funding_applications')
    .select('id')
    .where('id', '=', applicationId)
    .where('program_id', '=', programId)
    .where('status', '=', 'notice')
    .executeTakeFirst();
  return application !== undefined;
}

export async function insertObjection(trx: Trx, objection: Insertable<NoticeObjectionsTable>) {
  await trx.insertInto('notice_objections').values(objection).execute();
}

/** Serialises, until the transaction ends, the objections filed from one address. */
export async function lockObjectionsFrom(trx: Trx, ip: string) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`notice_objections:${ip}`}))`.execute(trx);
}

/** When the objections filed from an address after `since` were filed, the oldest first, at most `limit`. */
export async function objectionTimesFrom(trx: Trx, ip: string, since: Date, limit: number) {
  return trx
    .selectFrom('notice_objections')
    .select('created_at')
    .where('ip', '=', ip)
    .where('created_at', '>', since)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function programObjections(db: DB, programId: string) {
  return db
    .selectFrom('notice_objections')
    .leftJoin('funding_applications', 'funding_applications.id', 'notice_objections.application_id')
    .selectAll('notice_objections')
    .select('funding_applications.title as application_title')
    .where('notice_objections.program_id', '=', programId)
    .orderBy('notice_objections.created_at')
    .orderBy('notice_objections.id')
    .execute();
}

/** What the public may see of an objection. */
export async function findObjectionStatus(db: DB, programId: string, id: string) {
  return db
    .selectFrom('notice_objections')
    .select(['id', 'program_id', 'status', 'created_at', 'resolved_at'])
    .where('id', '=', id)
    .where('program_id', '=', programId)
    .executeTakeFirst();
}

/** The program an objection belongs to, read without a lock. */
export async function findObjectionProgramId(trx: Trx, id: string) {
  return trx.selectFrom('notice_objections').select('program_id').where('id', '=', id).executeTakeFirst();
}

export async function lockObjection(trx: Trx, id: string) {
  return trx.selectFrom('notice_objections').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

/** An application of the program, locked, if there is one with this id. */
export async function lockProgramApplication(trx: Trx, programId: string, applicationId: string) {
  return applicationQuery(trx)
    .where('funding_applications.id', '=', applicationId)
    .where('funding_applications.program_id', '=', programId)
    .forUpdate('funding_applications')
    .executeTakeFirst();
}

export async function resolveObjection(
  trx: Trx,
  id: string,
  resolved: { status: 'upheld' | 'dismissed'; resolution: string; resolvedBy: string },
) {
  return trx
    .updateTable('notice_objections')
    .set((eb) => ({
      status: resolved.status,
      resolution: resolved.resolution,
      resolved_by: resolved.resolvedBy,
      resolved_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findApplicationTitle(trx: Trx, applicationId: string) {
  return trx.selectFrom('funding_applications').select('title').where('id', '=', applicationId).executeTakeFirst();
}
