import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { ReviewAssignmentsTable } from '../../db/database';
import { type ColumnTypes, insertMany } from '../../lib/insert-many';
import type { Trx } from '../../lib/write';
import { applicationQuery } from './funding.repository';

const ASSIGNMENT_COLUMNS: ColumnTypes<'review_assignments'> = {
  id: 'uuid',
  program_id: 'uuid',
  application_id: 'uuid',
  expert_id: 'uuid',
  status: 'text',
  discipline_match: 'boolean',
  assigned_by: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

/** Ends (recused, with the note) every open assignment of an application; returns those ended. */
export async function recuseOpenAssignments(trx: Trx, applicationId: string, note: string) {
  return trx
    .updateTable('review_assignments')
    .set((eb) => ({
      status: 'recused',
      decline_reason: null,
      decline_note: note,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('application_id', '=', applicationId)
    .where('status', '=', 'assigned')
    .returning(['id', 'expert_id'])
    .execute();
}

/** The expert a user's login belongs to (`expert_id` null when none); undefined for an unknown user. */
export async function findUserExpert(db: DB | Trx, userId: string) {
  return db.selectFrom('users').select('expert_id').where('id', '=', userId).executeTakeFirst();
}

export async function applicationsInReview(db: DB | Trx, programId: string) {
  return applicationQuery(db)
    .where('funding_applications.program_id', '=', programId)
    .where('funding_applications.status', '=', 'in_review')
    .orderBy('funding_applications.id')
    .execute();
}

/** The applications of a program that went past screening (the review board's rows), oldest first. */
export async function applicationsPastScreening(db: DB | Trx, programId: string) {
  return applicationQuery(db)
    .where('funding_applications.program_id', '=', programId)
    .where('funding_applications.status', 'not in', ['draft', 'withdrawn', 'submitted', 'screening'])
    .orderBy('funding_applications.created_at')
    .orderBy('funding_applications.id')
    .execute();
}

/** Every assignment of the program, of any status, but those of withdrawn applications. */
export async function programAssignmentPairs(trx: Trx, programId: string) {
  return trx
    .selectFrom('review_assignments')
    .innerJoin('funding_applications', 'funding_applications.id', 'review_assignments.application_id')
    .select(['review_assignments.application_id', 'review_assignments.expert_id', 'review_assignments.status'])
    .where('review_assignments.program_id', '=', programId)
    .where('funding_applications.status', '!=', 'withdrawn')
    .execute();
}

/** Each expert's open assignments in other programs (withdrawn applications left out). */
export async function openLoadsOutsideProgram(trx: Trx, programId: string) {
  return trx
    .selectFrom('review_assignments')
    .innerJoin('funding_applications', 'funding_applications.id', 'review_assignments.application_id')
    .select(['review_assignments.expert_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('review_assignments.program_id', '!=', programId)
    .where('review_assignments.status', '=', 'assigned')
    .where('funding_applications.status', '!=', 'withdrawn')
    .groupBy('review_assignments.expert_id')
    .execute();
}

export async function insertAssignments(trx: Trx, rows: readonly Insertable<ReviewAssignmentsTable>[]) {
  await insertMany(trx, 'review_assignments', ASSIGNMENT_COLUMNS, rows);
}

/** The program's assignments with their experts' names, those of withdrawn applications left out. */
export async function programAssignmentsWithExperts(db: DB | Trx, programId: string) {
  return db
    .selectFrom('review_assignments')
    .innerJoin('experts', 'experts.id', 'review_assignments.expert_id')
    .innerJoin('funding_applications', 'funding_applications.id', 'review_assignments.application_id')
    .selectAll('review_assignments')
    .select('experts.name as expert_name')
    .where('review_assignments.program_id', '=', programId)
    .where('funding_applications.status', '!=', 'withdrawn')
    .orderBy('review_assignments.created_at')
    .execute();
}

export async function findExpertName(trx: Trx, expertId: string) {
  return trx.selectFrom('experts').select(['id', 'name']).where('id', '=', expertId).executeTakeFirst();
}

/** An expert's assignment to an application, locked. */
export async function lockAssignmentOf(trx: Trx, applicationId: string, expertId: string) {
  return trx
    .selectFrom('review_assignments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('expert_id', '=', expertId)
    .forUpdate()
    .executeTakeFirst();
}

/** Assigns again, by hand, an assignment that had ended. */
export async function reopenAssignment(
  trx: Trx,
  id: string,
  assigned: { disciplineMatch: boolean; assignedBy: string; overrideReason: string; at: Date },
) {
  return trx
    .updateTable('review_assignments')
    .set((eb) => ({
      status: 'assigned',
      discipline_match: assigned.disciplineMatch,
      assigned_by: assigned.assignedBy,
      override_reason: assigned.overrideReason,
      decline_reason: null,
      decline_note: null,
      version: eb('version', '+', 1),
      updated_at: assigned.at,
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertAssignment(trx: Trx, row: Insertable<ReviewAssignmentsTable>) {
  return trx.insertInto('review_assignments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The program an assignment belongs to, read without a lock. */
export async function findAssignmentProgramId(trx: Trx, id: string) {
  return trx.selectFrom('review_assignments').select('program_id').where('id', '=', id).executeTakeFirst();
}

export async function lockAssignment(trx: Trx, id: string) {
  return trx.selectFrom('review_assignments').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function endAssignmentRow(
  trx: Trx,
  id: string,
  status: 'recused' | 'declined',
  why: { reason: string | null; note: string | null },
) {
  await trx
    .updateTable('review_assignments')
    .set((eb) => ({
      status,
      decline_reason: why.reason,
      decline_note: why.note,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .execute();
}

export async function findDeclaration(db: DB | Trx, programId: string, expertId: string) {
  return db
    .selectFrom('reviewer_declarations')
    .selectAll()
    .where('program_id', '=', programId)
    .where('expert_id', '=', expertId)
    .executeTakeFirst();
}

export async function saveDeclaration(
  trx: Trx,
  declaration: { programId: string; expertId: string; societyIds: string[]; note: string | null; at: Date },
) {
  await trx
    .insertInto('reviewer_declarations')
    .values({
      program_id: declaration.programId,
      expert_id: declaration.expertId,
      society_ids: JSON.stringify(declaration.societyIds),
      note: declaration.note,
      declared_at: declaration.at,
    })
    .onConflict((oc) =>
      oc.columns(['program_id', 'expert_id']).doUpdateSet({
        society_ids: JSON.stringify(declaration.societyIds),
        note: declaration.note,
        declared_at: declaration.at,
      }),
    )
    .execute();
}

/** An expert's open assignments in a program to applications of the given societies, locked. */
export async function lockOpenAssignmentsToSocieties(
  trx: Trx,
  programId: string,
  expertId: string,
  societyIds: readonly string[],
) {
  return trx
    .selectFrom('review_assignments')
    .innerJoin('funding_applications', 'funding_applications.id', 'review_assignments.application_id')
    .selectAll('review_assignments')
    .where('review_assignments.program_id', '=', programId)
    .where('review_assignments.expert_id', '=', expertId)
    .where('review_assignments.status', '=', 'assigned')
    .where('funding_applications.society_id', 'in', [...societyIds])
    .forUpdate('review_assignments')
    .execute();
}

/** A reviewer's open and submitted reviews (withdrawn applications left out), newest first, at most 500. */
export async function reviewQueue(db: DB, expertId: string) {
  return db
    .selectFrom('review_assignments')
    .innerJoin('funding_applications', 'funding_applications.id', 'review_assignments.application_id')
    .innerJoin('societies', 'societies.id', 'funding_applications.society_id')
    .innerJoin('funding_programs', 'funding_programs.id', 'review_assignments.program_id')
    .select([
      'review_assignments.id',
      'review_assignments.application_id',
      'review_assignments.program_id',
      'review_assignments.status',
      'review_assignments.scores',
      'review_assignments.total',
      'review_assignments.justification',
      'review_assignments.submitted_at',
      'funding_programs.name as program_name',
      'funding_programs.status as program_status',
      'funding_programs.rubric',
      'funding_applications.title',
      'funding_applications.category_code',
      'funding_applications.requested_fen',
      'societies.name as society_name',
    ])
    .where('review_assignments.expert_id', '=', expertId)
    .where('review_assignments.status', 'in', ['assigned', 'submitted'])
    .where('funding_applications.status', '!=', 'withdrawn')
    .orderBy('review_assignments.created_at', 'desc')
    .orderBy('review_assignments.id')
    .limit(500)
    .execute();
}

export async function findApplicationStatus(trx: Trx, applicationId: string) {
  return trx
    .selectFrom('funding_applications')
    .select('status')
    .where('id', '=', applicationId)
    .executeTakeFirstOrThrow();
}

export async function saveReview(
  trx: Trx,
  id: string,
  review: {
    scores: string;
    total: number | null;
    justification: string;
    status: 'submitted' | 'assigned';
    submittedAt: Date | null;
    at: Date;
  },
) {
  return trx
    .updateTable('review_assignments')
    .set((eb) => ({
      scores: review.scores,
      total: review.total,
      justification: review.justification,
      status: review.status,
      submitted_at: review.submittedAt,
      version: eb('version', '+', 1),
      updated_at: review.at,
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An application's open and submitted reviews with their experts' names, in the order they were assigned. */
export async function reviewsOfApplication(db: DB, applicationId: string) {
  return db
    .selectFrom('review_assignments')
    .innerJoin('experts', 'experts.id', 'review_assignments.expert_id')
    .selectAll('review_assignments')
    .select('experts.name as expert_name')
    .where('application_id', '=', applicationId)
    .where('review_assignments.status', 'in', ['assigned', 'submitted'])
    .orderBy('review_assignments.created_at')
    .orderBy('review_assignments.id')
    .execute();
}

/**
 * The submitted reviews of a program's competing applications, each with its score on the criterion
 * `firstCode` picked out in the database: a program's ten thousand reviews were otherwise each sent whole
 * and checked against their schema, to read one number (they were checked against the rubric when submitted).
 */
export async function submittedReviewScores(db: DB | Trx, programId: string, firstCode: string) {
  return db
    .selectFrom('review_assignments')
    .innerJoin('funding_applications', 'funding_applications.id', 'review_assignments.application_id')
    .select([
      'review_assignments.application_id',
      'review_assignments.expert_id',
      'review_assignments.total',
      sql<number | null>`(SELECT (e->>'score')::float8 FROM jsonb_array_elements(review_assignments.scores) e
        WHERE e->>'code' = ${firstCode} LIMIT 1)`.as('first_score'),
    ])
    .where('review_assignments.program_id', '=', programId)
    .where('review_assignments.status', '=', 'submitted')
    .where('funding_applications.status', '!=', 'withdrawn')
    .execute();
}

export async function societyProfiles(db: DB | Trx, societyIds: readonly string[]) {
  return db
    .selectFrom('societies')
    .select(['id', 'supporting_unit', 'discipline'])
    .where('id', 'in', [...societyIds])
    .execute();
}

/** The council of each society's latest term, with its chair. */
export async function latestCouncils(db: DB | Trx, societyIds: readonly string[]) {
  return db
    .selectFrom('council_members')
    .innerJoin('governance_terms', 'governance_terms.id', 'council_members.term_id')
    .select(['council_members.society_id', 'person_name', 'employer', 'position'])
    .where('council_members.society_id', 'in', [...societyIds])
    .where(({ eb, selectFrom }) =>
      eb(
        'governance_terms.sequence',
        '=',
        selectFrom('governance_terms as latest')
          .select(({ fn }) => fn.max('latest.sequence').as('s'))
          .whereRef('latest.society_id', '=', 'council_members.society_id'),
      ),
    )
    .execute();
}

/** Experts who are members of the societies: the same ID number (by its keyed hash). */
export async function expertsAmongMembers(db: DB | Trx, societyIds: readonly string[]) {
  return db
    .selectFrom('members')
    .innerJoin('experts', 'experts.id_number_hash', 'members.id_number_hash')
    .select(['members.society_id', 'experts.id as expert_id'])
    .where('members.society_id', 'in', [...societyIds])
    .where('members.status', 'not in', ['rejected', 'withdrawn'])
    .execute();
}

export async function expertsForReview(db: DB | Trx) {
  return db
    .selectFrom('experts')
    .select(['id', 'name', 'employer', 'disciplines', 'available'])
    .orderBy('id')
    .execute();
}

export async function expertAffiliations(db: DB | Trx) {
  return db.selectFrom('expert_societies').select(['expert_id', 'society_id']).execute();
}

export async function programDeclarations(db: DB | Trx, programId: string) {
  return db
    .selectFrom('reviewer_declarations')
    .select(['expert_id', 'society_ids'])
    .where('program_id', '=', programId)
    .execute();
}
