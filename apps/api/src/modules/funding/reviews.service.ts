import {
  assignReviewers,
  checkReviewScores,
  disciplineMatch,
  findConflicts,
  isActiveAssignment,
  quorumMet,
  reviewTotal,
} from '@society-hub/domain';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { ReviewAssignmentRow } from '../../db/database';
import { errors } from '../../lib/errors';
import { actsForAssociation, type Caller, type Principal } from '../../lib/request-context';
import { storedJson } from '../../lib/stored-json';
import { optionalText, requiredText } from '../../lib/text';
import { type Change, type Trx, write } from '../../lib/write';
import { findApplication, findProgram, readRubric, readStrings, toProgram } from './funding.repository';
import type { FundingProgram } from './funding.schemas';
import { applicantProfiles, reviewerProfiles } from './reviewer-profiles';
import * as repo from './reviews.repository';
import {
  CriterionScoreSchema,
  type DeclineSchema,
  type ManualAssignmentSchema,
  type MyReviewPutSchema,
  type ReviewAssignment,
} from './reviews.schemas';

const readScores = storedJson(
  { CriterionScore: CriterionScoreSchema },
  Type.Union([Type.Array(Type.Ref('CriterionScore')), Type.Null()]),
  'review scores',
);

/** Review closes when the program moves on to deciding; from then on reviewers may see each other's scores. */
const REVIEW_CLOSED = ['deciding', 'notice', 'finalised'];
/** Applicants see the (anonymous) reviews once the decision is public. */
const DECISION_PUBLIC = ['notice', 'finalised'];

/**
 * Ends every open assignment of an application that left the competition (withdrawn), each audited.
 * `recused` is the status of an assignment ended by anyone but the reviewer. No society is attached:
 * assignment events name the expert, and a society's machine client must never read who reviews it.
 */
export async function endOpenAssignments(
  trx: Trx,
  applicationId: string,
  note: string,
  record: (change: Change) => void,
): Promise<number> {
  const ended = await repo.recuseOpenAssignments(trx, applicationId, note);
  for (const row of ended) {
    record({
      action: 'assignment.end',
      resourceType: 'review_assignment',
      resourceId: row.id,
      after: { applicationId, expertId: row.expert_id, status: 'recused', reason: null, note },
      event: 'assignment.ended',
    });
  }
  return ended.length;
}

export class ReviewService {
  constructor(private readonly db: DB) {}

  /** The expert a reviewer's login belongs to; a reviewer without one has nothing to review. */
  private async expertOf(db: DB | Trx, principal: Principal): Promise<string> {
    if (principal.kind !== 'user' || principal.role !== 'reviewer') {
      throw errors.forbidden('Only reviewers have a review queue.');
    }
    const user = await repo.findUserExpert(db, principal.id);
    if (!user?.expert_id) {
      throw errors.forbidden('Your account is not linked to an expert of the pools; ask the Association to link it.');
    }
    return user.expert_id;
  }

  /**
   * Fills every application under review up to the program's number of reviewers: never a reviewer in
   * conflict or unavailable, disciplines matched where possible, load balanced (domain `assignReviewers`).
   * The pairs left out for a conflict are logged as recusals in one audit row.
   */
  async autoAssignInTransaction(trx: Trx, program: FundingProgram, record: (change: Change) => void) {
    const applications = await repo.applicationsInReview(trx, program.id);
    const [profiles, reviewers, existing, loads] = await Promise.all([
      applicantProfiles(trx, applications),
      reviewerProfiles(trx, program.id),
      // A withdrawn application's reviews are no one's load any more.
      repo.programAssignmentPairs(trx, program.id),
      repo.openLoadsOutsideProgram(trx, program.id),
    ]);
    const result = assignReviewers({
      applications: profiles,
      reviewers,
      perApplication: program.reviewersPerApplication,
      existing: existing.map((e) => ({ applicationId: e.application_id, expertId: e.expert_id, status: e.status })),
      loads: Object.fromEntries(loads.map((l) => [l.expert_id, Number(l.n)])),
    });
    const now = new Date();
    await repo.insertAssignments(
      trx,
      result.assignments.map((a) => ({
        id: uuidv7(),
        program_id: program.id,
        application_id: a.applicationId,
        expert_id: a.expertId,
        status: 'assigned',
        discipline_match: a.disciplineMatch,
        assigned_by: 'auto',
        created_at: now,
        updated_at: now,
      })),
    );
    const recusals = profiles.flatMap((applicant) =>
      reviewers.flatMap((reviewer) =>
        findConflicts(reviewer, applicant).map((c) => ({
          applicationId: applicant.applicationId,
          expertId: reviewer.expertId,
          reason: c.reason,
        })),
      ),
    );
    record({
      action: 'assignment.auto',
      resourceType: 'funding_program',
      resourceId: program.id,
      after: {
        created: result.assignments.map((a) => ({ applicationId: a.applicationId, expertId: a.expertId })),
        recusals,
        shortfalls: result.shortfalls,
      },
      event: 'program.reviewers_assigned',
    });
    return { created: result.assignments.length, conflictsExcluded: recusals.length, shortfalls: result.shortfalls };
  }

  async autoAssign({ context }: Caller, programId: string) {
    return write(this.db, context, async (trx, record) => {
      const program = toProgram(await findProgram(trx, programId, { forUpdate: true }));
      if (program.status !== 'reviewing') {
        throw errors.ruleViolation(`Reviewers are assigned while the program is reviewing; it is ${program.status}.`);
      }
      return this.autoAssignInTransaction(trx, program, record);
    });
  }

  async board(programId: string) {
    const program = toProgram(await findProgram(this.db, programId));
    const applications = await repo.applicationsPastScreening(this.db, programId);
    // A withdrawn application's assignments are neither on the board nor in anyone's load.
    const rows = await repo.programAssignmentsWithExperts(this.db, programId);
    const [profiles, reviewers] = await Promise.all([
      applicantProfiles(this.db, applications),
      reviewerProfiles(this.db, programId),
    ]);
    const conflictsOf = (row: ReviewAssignmentRow) => {
      const reviewer = reviewers.find((r) => r.expertId === row.expert_id);
      const applicant = profiles.find((p) => p.applicationId === row.application_id);
      return reviewer && applicant ? findConflicts(reviewer, applicant) : [];
    };
    const loads = new Map<string, { expertId: string; expertName: string; active: number; submitted: number }>();
    for (const row of rows) {
      const load = loads.get(row.expert_id) ?? {
        expertId: row.expert_id,
        expertName: row.expert_name,
        active: 0,
        submitted: 0,
      };
      if (isActiveAssignment(row.status)) load.active += 1;
      if (row.status === 'submitted') load.submitted += 1;
      loads.set(row.expert_id, load);
    }
    // Applications that went to review: those rejected at screening never had reviewers.
    const reviewed = applications.filter(
      (a) => a.status === 'in_review' || rows.some((r) => r.application_id === a.id),
    );
    return {
      programId,
      items: reviewed.map((application) => {
        const mine = rows.filter((r) => r.application_id === application.id);
        const submitted = mine.filter((r) => r.status === 'submitted').length;
        return {
          applicationId: application.id,
          title: application.title,
          societyName: application.society_name,
          categoryCode: application.category_code,
          status: application.status,
          active: mine.filter((r) => isActiveAssignment(r.status)).length,
          submitted,
          needed: program.reviewersPerApplication,
          quorumMet: quorumMet(submitted, program.reviewersPerApplication),
          assignments: mine.map((r) => toAssignment(r, r.expert_name, conflictsOf(r))),
        };
      }),
      reviewerLoads: [...loads.values()].sort(
        (a, b) => b.active - a.active || a.expertName.localeCompare(b.expertName),
      ),
    };
  }

  /** Staff assign by hand, with a reason; assigning despite a conflict is an override the audit log keeps. */
  async assignManually(
    { principal, context }: Caller,
    programId: string,
    input: Static<typeof ManualAssignmentSchema>,
  ) {
    const reason = requiredText(input.reason, '/body/reason', 'Give the reason.');
    return write(this.db, context, async (trx, record) => {
      const program = toProgram(await findProgram(trx, programId, { forUpdate: true }));
      if (program.status !== 'reviewing') {
        throw errors.ruleViolation(`Reviewers are assigned while the program is reviewing; it is ${program.status}.`);
      }
      const application = await findApplication(trx, principal.scope, input.applicationId);
      if (application.program_id !== programId) throw errors.notFound('Application');
      if (application.status !== 'in_review') {
        throw errors.conflict(
          `The application is ${application.status}; reviewers are assigned while it is in review.`,
        );
      }
      const expert = await repo.findExpertName(trx, input.expertId);
      if (!expert) throw errors.notFound('Expert');
      const [applicant] = await applicantProfiles(trx, [application]);
      const reviewer = (await reviewerProfiles(trx, programId)).find((r) => r.expertId === expert.id);
      const conflicts = applicant && reviewer ? findConflicts(reviewer, applicant) : [];
      const matched = applicant && reviewer ? disciplineMatch(reviewer, applicant) : false;
      const existing = await repo.lockAssignmentOf(trx, application.id, expert.id);
      if (existing && isActiveAssignment(existing.status)) {
        throw errors.conflict(`${expert.name} is already assigned to this application.`);
      }
      const now = new Date();
      const row = existing
        ? await repo.reopenAssignment(trx, existing.id, {
            disciplineMatch: matched,
            assignedBy: principal.name,
            overrideReason: reason,
            at: now,
          })
        : await repo.insertAssignment(trx, {
            id: uuidv7(),
            program_id: programId,
            application_id: application.id,
            expert_id: expert.id,
            status: 'assigned',
            discipline_match: matched,
            assigned_by: principal.name,
            override_reason: reason,
            created_at: now,
            updated_at: now,
          });
      const assignment = toAssignment(row, expert.name, conflicts);
      // No society on the change: it names the expert, and the change feed hands a society's machine
      // client every event of its society. Staff find the pairing in the audit log by the assignment.
      record({
        action: conflicts.length ? 'assignment.override' : 'assignment.manual',
        resourceType: 'review_assignment',
        resourceId: row.id,
        after: { ...assignment, reason },
        event: 'assignment.created',
      });
      return assignment;
    });
  }

  /** Staff take a reviewer off an application (回避) with a reason; the gap is filled again automatically. */
  async recuse({ context }: Caller, assignmentId: string, reason: string) {
    const note = requiredText(reason, '/body/reason', 'Say why the reviewer is taken off.');
    return write(this.db, context, async (trx, record) => {
      const seen = await repo.findAssignmentProgramId(trx, assignmentId);
      if (!seen) throw errors.notFound('Assignment');
      // The program first, then the assignment: the order of every other writer here.
      const program = toProgram(await findProgram(trx, seen.program_id, { forUpdate: true }));
      const row = await repo.lockAssignment(trx, assignmentId);
      if (program.status !== 'reviewing') throw errors.ruleViolation('Review has closed; assignments are fixed.');
      if (!isActiveAssignment(row.status)) throw errors.conflict(`The assignment is already ${row.status}.`);
      await this.endAssignment(trx, row, 'recused', { reason: null, note }, 'assignment.recuse', record);
      const refill = await this.autoAssignInTransaction(trx, program, record);
      return { ...refill };
    });
  }

  private async endAssignment(
    trx: Trx,
    row: ReviewAssignmentRow,
    status: 'recused' | 'declined',
    why: { reason: string | null; note: string | null },
    action: string,
    record: (change: Change) => void,
  ) {
    await repo.endAssignmentRow(trx, row.id, status, why);
    record({
      action,
      resourceType: 'review_assignment',
      resourceId: row.id,
      after: { applicationId: row.application_id, expertId: row.expert_id, status, ...why },
      event: 'assignment.ended',
    });
  }

  async declaration(principal: Principal, programId: string) {
    const expertId = await this.expertOf(this.db, principal);
    await findProgram(this.db, programId);
    const row = await repo.findDeclaration(this.db, programId, expertId);
    return {
      programId,
      societyIds: readStrings(row?.society_ids ?? []),
      note: row?.note ?? null,
      declaredAt: row?.declared_at.toISOString() ?? null,
      recused: 0,
    };
  }

  /**
   * A reviewer's declaration of interest for a program. Assignments it puts in conflict are given up
   * (recused, logged) and the applications re-assigned.
   */
  async declare(
    { principal, context }: Caller,
    programId: string,
    declared: { societyIds: string[]; note: string | null },
  ) {
    const input = { societyIds: declared.societyIds, note: optionalText(declared.note) };
    return write(this.db, context, async (trx, record) => {
      const expertId = await this.expertOf(trx, principal);
      const program = toProgram(await findProgram(trx, programId, { forUpdate: true }));
      if (program.status === 'finalised') throw errors.ruleViolation('The program is finalised.');
      const now = new Date();
      await repo.saveDeclaration(trx, { programId, expertId, societyIds: input.societyIds, note: input.note, at: now });
      record({
        action: 'declaration.submit',
        resourceType: 'reviewer_declaration',
        resourceId: `${programId}:${expertId}`,
        after: { programId, expertId, societyIds: input.societyIds, note: input.note },
      });
      const conflicting = input.societyIds.length
        ? await repo.lockOpenAssignmentsToSocieties(trx, programId, expertId, input.societyIds)
        : [];
      for (const row of conflicting) {
        await this.endAssignment(
          trx,
          row,
          'recused',
          { reason: 'conflict_of_interest', note: 'Declared interest' },
          'assignment.recuse',
          record,
        );
      }
      if (conflicting.length && program.status === 'reviewing')
        await this.autoAssignInTransaction(trx, program, record);
      return {
        programId,
        societyIds: input.societyIds,
        note: input.note,
        declaredAt: now.toISOString(),
        recused: conflicting.length,
      };
    });
  }

  async queue(principal: Principal) {
    const expertId = await this.expertOf(this.db, principal);
    const rows = await repo.reviewQueue(this.db, expertId);
    return {
      items: rows.map((r) => ({
        assignmentId: r.id,
        applicationId: r.application_id,
        programId: r.program_id,
        programName: r.program_name,
        programStatus: r.program_status,
        rubric: readRubric(r.rubric),
        title: r.title,
        societyName: r.society_name,
        categoryCode: r.category_code,
        requestedFen: r.requested_fen,
        status: r.status,
        scores: readScores(r.scores),
        total: r.total,
        justification: r.justification,
        submittedAt: r.submitted_at?.toISOString() ?? null,
      })),
      nextCursor: null,
    };
  }

  private async myAssignment(trx: Trx, expertId: string, applicationId: string) {
    const row = await repo.lockAssignmentOf(trx, applicationId, expertId);
    if (!row) throw errors.notFound('Application');
    const program = toProgram(await findProgram(trx, row.program_id));
    if (program.status !== 'reviewing') {
      throw errors.ruleViolation(`Review is not open: the program is ${program.status}.`);
    }
    if (!isActiveAssignment(row.status)) throw errors.conflict(`You are no longer assigned (${row.status}).`);
    // Not locked: a withdrawal locks the program, the application and then this assignment, so
    // reading here keeps to that order; the withdrawal ends an unsubmitted assignment either way.
    const application = await repo.findApplicationStatus(trx, applicationId);
    if (application.status !== 'in_review') {
      throw errors.conflict(`The application is ${application.status}; it is no longer reviewed.`);
    }
    return { row, program };
  }

  /** Save or submit my scores: every criterion 0..weight and a justification (domain `checkReviewScores`). */
  async putMine({ principal, context }: Caller, applicationId: string, input: Static<typeof MyReviewPutSchema>) {
    return write(this.db, context, async (trx, record) => {
      const expertId = await this.expertOf(trx, principal);
      const { row, program } = await this.myAssignment(trx, expertId, applicationId);
      const problems = checkReviewScores(program.rubric, input.scores, input.justification).filter(
        // A draft may be incomplete, but what it holds must be in range.
        (p) => input.submit || !['criterion_missing', 'justification_too_short'].includes(p.code),
      );
      if (problems.length) throw errors.validation(problems.map((p) => ({ ...p, path: `/body${p.path}` })));
      const submitted = input.submit || row.status === 'submitted';
      const complete = checkReviewScores(program.rubric, input.scores, input.justification).length === 0;
      if (row.status === 'submitted' && !complete) {
        throw errors.validation([{ path: '/body', code: 'incomplete', message: 'A submitted review stays complete.' }]);
      }
      const now = new Date();
      const updated = await repo.saveReview(trx, row.id, {
        scores: JSON.stringify(input.scores),
        total: complete ? reviewTotal(input.scores) : null,
        justification: input.justification,
        status: submitted ? 'submitted' : 'assigned',
        submittedAt: submitted ? (row.submitted_at ?? now) : null,
        at: now,
      });
      if (submitted) {
        record({
          action: row.status === 'submitted' ? 'review.resubmit' : 'review.submit',
          resourceType: 'review_assignment',
          resourceId: row.id,
          after: { applicationId, total: updated.total },
          event: 'review.submitted',
        });
      }
      return this.toReview(updated, 'mine');
    });
  }

  /** Decline with a reason; the application is re-assigned at once and its quorum re-checked. */
  async declineMine({ principal, context }: Caller, applicationId: string, input: Static<typeof DeclineSchema>) {
    return write(this.db, context, async (trx, record) => {
      const expertId = await this.expertOf(trx, principal);
      const { row, program } = await this.myAssignment(trx, expertId, applicationId);
      if (row.status === 'submitted') throw errors.conflict('You have already submitted scores for this application.');
      await this.endAssignment(
        trx,
        row,
        'declined',
        { reason: input.reason, note: optionalText(input.note) },
        input.reason === 'conflict_of_interest' ? 'assignment.recuse' : 'assignment.decline',
        record,
      );
      return this.autoAssignInTransaction(trx, program, record);
    });
  }

  /**
   * Reviews as the caller may see them. Staff and auditors: all, with names. A reviewer: their own,
   * and the others (anonymous) once review closes. The applicant: anonymous, once the decision is public.
   */
  async list(principal: Principal, applicationId: string) {
    const application = await findApplication(this.db, principal.scope, applicationId);
    const program = toProgram(await findProgram(this.db, application.program_id));
    const rows = await repo.reviewsOfApplication(this.db, applicationId);
    const staff = actsForAssociation(principal) || (principal.kind === 'user' && principal.role === 'auditor');
    const mineId =
      principal.kind === 'user' && principal.role === 'reviewer' ? await this.expertOf(this.db, principal) : null;
    if (mineId && !rows.some((r) => r.expert_id === mineId)) throw errors.notFound('Application');
    const othersVisible = staff
      ? true
      : mineId
        ? REVIEW_CLOSED.includes(program.status)
        : DECISION_PUBLIC.includes(program.status);
    const items = [];
    let hidden = 0;
    for (const [index, row] of rows.entries()) {
      const mine = row.expert_id === mineId;
      if (!mine && !othersVisible) {
        hidden += 1;
        continue;
      }
      if (!mine && !staff && row.status !== 'submitted') continue;
      const name = staff ? row.expert_name : `评审专家 ${String.fromCharCode(65 + index)}`;
      items.push(this.toReview(row, mine ? 'mine' : name));
    }
    return { items, hidden };
  }

  private toReview(row: ReviewAssignmentRow, reviewer: string) {
    return {
      id: row.id,
      applicationId: row.application_id,
      reviewer: reviewer === 'mine' ? '我' : reviewer,
      mine: reviewer === 'mine',
      status: row.status,
      scores: readScores(row.scores),
      total: row.total,
      justification: row.justification,
      submittedAt: row.submitted_at?.toISOString() ?? null,
    };
  }
}

function toAssignment(
  row: ReviewAssignmentRow,
  expertName: string,
  conflicts: { reason: string; explanation: string }[],
): ReviewAssignment {
  const decline = row.decline_reason;
  return {
    id: row.id,
    programId: row.program_id,
    applicationId: row.application_id,
    expertId: row.expert_id,
    expertName,
    status: row.status,
    disciplineMatch: row.discipline_match,
    assignedBy: row.assigned_by,
    overrideReason: row.override_reason,
    declineReason:
      decline === 'conflict_of_interest' || decline === 'not_my_field' || decline === 'too_many' ? decline : null,
    declineNote: row.decline_note,
    conflicts,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
