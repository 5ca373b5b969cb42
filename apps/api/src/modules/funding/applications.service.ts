import { checkApplicationDraft, checkFinalReport, localToday, screenApplication } from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { APPLICATION } from '../../lib/lifecycles';
import { keysetOf } from '../../lib/pagination';
import { actsForAssociation, type Caller, type Principal } from '../../lib/request-context';
import { requiredText } from '../../lib/text';
import { allTransitions, checkMove, historyItem, moverOf, type TransitionRequest } from '../../lib/transitions';
import { type Change, type Trx, write } from '../../lib/write';
import { openRoundOf } from '../returns/returns.repository';
import type { ReturnRequest, ReturnRound } from '../returns/returns.schemas';
import { listRounds, openRound, resolveOpenRound } from '../returns/returns.service';
import { requireSociety } from '../societies/societies.repository';
import { type Move, moveApplications, summary } from './application-moves';
import { sweepOverdueReturns } from './application-returns';
import * as repo from './applications.repository';
import {
  type ApplicationRowWithSociety,
  findApplication,
  findProgram,
  readScreening,
  toApplication,
  toProgram,
} from './funding.repository';
import type {
  ApplicationListQuerySchema,
  FinalReportSchema,
  FundingApplication,
  FundingApplicationCreateSchema,
  FundingApplicationPatchSchema,
  FundingProgram,
} from './funding.schemas';
import { endOpenAssignments } from './reviews.service';

type ApplicationCreate = Static<typeof FundingApplicationCreateSchema>;
type ApplicationPatch = Static<typeof FundingApplicationPatchSchema>;
type FinalReportInput = Static<typeof FinalReportSchema>;

/** 形式审查 of one application from what the database says now (society status, last inspection). */
export async function screenRow(db: DB | Trx, program: FundingProgram, row: ApplicationRowWithSociety) {
  const facts = await repo.screeningFacts(db, row, program.year - 1);
  const application = toApplication(row);
  const result = screenApplication({
    societyStatus: facts.societyStatus,
    lastYearInspection: facts.inspection,
    inspectionYear: program.year - 1,
    categoryCode: application.categoryCode,
    categories: program.categories,
    requestedFen: application.requestedFen,
    selfFundedFen: application.selfFundedFen,
    budgetLines: application.budgetLines,
    otherApplicationsInCategory: facts.othersInCategory,
    allowMultiplePerCategory: program.allowMultiplePerCategory,
    submittedAt: application.submittedAt ?? new Date().toISOString(),
    opensOn: program.opensOn,
    closesOn: program.closesOn,
  });
  return { ...result, screenedAt: new Date().toISOString() };
}

export class ApplicationService {
  constructor(private readonly db: DB) {}

  async list(principal: Principal, programId: string, query: Static<typeof ApplicationListQuerySchema>) {
    await findProgram(this.db, programId);
    await sweepOverdueReturns(this.db);
    const keyset = keysetOf(repo.APPLICATION_SORTS, query);
    const { rows, nextCursor } = await repo.listApplications(this.db, principal.scope, programId, query, keyset);
    return { items: rows.map(toApplication), nextCursor };
  }

  async get(principal: Principal, id: string): Promise<FundingApplication> {
    await sweepOverdueReturns(this.db);
    return toApplication(await this.visible(this.db, principal, id));
  }

  /**
   * Societies see their own applications, staff and auditors all; a reviewer sees only what is
   * assigned to them — not what they declined or were recused from (a conflict of interest must not
   * keep reading). Anything else is "not found".
   */
  private async visible(db: DB | Trx, principal: Principal, id: string, forUpdate = false) {
    if (principal.kind === 'user' && principal.role === 'reviewer') {
      if (!(await repo.reviewerAssigned(db, principal.id, id))) throw errors.notFound('Application');
    }
    return findApplication(db, principal.scope, id, { forUpdate });
  }

  /**
   * The application locked for a change, its program locked first. The allocation and the program's
   * transitions lock the program and then its applications; a withdrawal, an amount adjustment or a
   * decision by hand takes the same order, so they queue behind an allocation instead of slipping in
   * between its read and its write (and the two orders can never deadlock).
   */
  private async lockForChange(trx: Trx, principal: Principal, id: string) {
    const seen = await this.visible(trx, principal, id);
    const program = toProgram(await findProgram(trx, seen.program_id, { forUpdate: true }));
    const row = await this.visible(trx, principal, id, true);
    return { row, program };
  }

  async create({ principal, context }: Caller, programId: string, input: ApplicationCreate) {
    const title = requiredText(input.title, '/body/title', 'Give the project a title.');
    return write(this.db, context, async (trx, record) => {
      const program = toProgram(await findProgram(trx, programId));
      const society = await requireSociety(trx, principal.scope, input.societyId);
      if (program.status !== 'open') {
        throw errors.ruleViolation(`The call is ${program.status}; applications are made while it is open.`);
      }
      assertCategory(program, input.categoryCode);
      const now = new Date();
      const row = await repo.insertApplication(trx, {
        id: uuidv7(),
        program_id: programId,
        society_id: society.id,
        category_code: input.categoryCode,
        title,
        summary: input.summary ?? null,
        planned_on: input.plannedOn ?? null,
        place: input.place ?? null,
        expected_participants: input.expectedParticipants ?? null,
        disciplines: JSON.stringify(input.disciplines ?? []),
        budget_lines: JSON.stringify(input.budgetLines ?? []),
        requested_fen: input.requestedFen ?? 0,
        self_funded_fen: input.selfFundedFen ?? 0,
        attachments: JSON.stringify(input.attachments ?? []),
        created_at: now,
        updated_at: now,
      });
      const withSociety = { ...row, society_name: society.name };
      record({
        action: 'application.create',
        resourceType: 'funding_application',
        resourceId: row.id,
        societyId: society.id,
        after: summary(withSociety),
        event: 'application.created',
      });
      return toApplication(withSociety);
    });
  }

  async update({ principal, context }: Caller, id: string, expected: number | null, patch: ApplicationPatch) {
    const title =
      patch.title === undefined ? undefined : requiredText(patch.title, '/body/title', 'Give the project a title.');
    return write(this.db, context, async (trx, record) => {
      const { row: current, program } = await this.lockForChange(trx, principal, id);
      assertVersion(current.version, expected);
      const { adjustedFen, adjustmentReason, ...content } = patch;
      const staffAdjusting = adjustedFen !== undefined || adjustmentReason !== undefined;
      if (staffAdjusting) {
        if (!actsForAssociation(principal)) throw errors.forbidden('Only Association staff adjust the amount to fund.');
        if (current.status !== 'reviewed') {
          throw errors.conflict('The amount to fund is adjusted after review and before the allocation is applied.');
        }
        if (adjustmentReason !== undefined && adjustmentReason !== null && !adjustmentReason.trim()) {
          throw errors.validation([
            {
              path: '/body/adjustmentReason',
              code: 'required',
              message: 'Say why the amount differs from the request.',
            },
          ]);
        }
        if (adjustedFen !== undefined && adjustedFen !== null && !adjustmentReason?.trim()) {
          throw errors.validation([
            {
              path: '/body/adjustmentReason',
              code: 'required',
              message: 'Say why the amount differs from the request.',
            },
          ]);
        }
        if (adjustedFen !== undefined && adjustedFen !== null && adjustedFen > current.requested_fen) {
          throw errors.validation([
            { path: '/body/adjustedFen', code: 'above_request', message: 'Staff may lower a request, not raise it.' },
          ]);
        }
      }
      // A returned application is corrected in place, then submitted again.
      if (Object.keys(content).length > 0 && current.status !== 'draft' && current.status !== 'returned') {
        throw errors.conflict(
          `The application is ${current.status}; only a draft or an application returned for correction can be edited.`,
        );
      }
      if (content.categoryCode !== undefined) assertCategory(program, content.categoryCode);
      const row = await repo.updateApplication(trx, id, {
        category_code: content.categoryCode,
        title,
        summary: content.summary,
        planned_on: content.plannedOn,
        place: content.place,
        expected_participants: content.expectedParticipants,
        disciplines: content.disciplines === undefined ? undefined : JSON.stringify(content.disciplines),
        budget_lines: content.budgetLines === undefined ? undefined : JSON.stringify(content.budgetLines),
        requested_fen: content.requestedFen,
        self_funded_fen: content.selfFundedFen,
        attachments: content.attachments === undefined ? undefined : JSON.stringify(content.attachments),
        adjusted_fen: adjustedFen,
        adjustment_reason: adjustedFen === null ? null : adjustmentReason?.trim(),
      });
      const next = { ...row, society_name: current.society_name };
      record({
        action: staffAdjusting ? 'application.adjust' : 'application.update',
        resourceType: 'funding_application',
        resourceId: id,
        societyId: current.society_id,
        before: { ...summary(current), adjustedFen: current.adjusted_fen },
        after: { ...summary(next), adjustedFen: next.adjusted_fen, adjustmentReason: next.adjustment_reason },
        event: 'application.updated',
      });
      return toApplication(next);
    });
  }

  /** The screening result; for a draft, a preview of what the screening would say if it were submitted now. */
  async screening(principal: Principal, id: string) {
    const row = await this.visible(this.db, principal, id);
    const stored = readScreening(row.screening);
    if (stored) return stored;
    return screenRow(this.db, toProgram(await findProgram(this.db, row.program_id)), row);
  }

  async transition({ principal, context }: Caller, id: string, expected: number | null, request: TransitionRequest) {
    return write(this.db, context, async (trx, record) => {
      const { row, program } = await this.lockForChange(trx, principal, id);
      const subject = { id: row.id, societyId: row.society_id, status: row.status, version: row.version };
      const { to, reason } = checkMove(APPLICATION, principal, subject, request, expected);
      if (to === 'returned' || (row.status === 'reported' && to === 'funded')) {
        throw errors.ruleViolation(
          `Send an application back with POST /v1/applications/${id}/returns, saying what to fix.`,
          [{ path: '/body/to', code: 'use_returns', message: 'Returns carry comments and a deadline.' }],
        );
      }
      if (row.status === 'returned') {
        return this.submitAgain(trx, principal, { row, program }, reason, context.actor, record);
      }
      const move: Move = { row, to, reason };
      if (to === 'submitted') {
        this.assertSubmittable(program, row);
        const submittedAt = new Date();
        const screening = await screenRow(trx, program, { ...row, submitted_at: submittedAt });
        move.set = { submitted_at: submittedAt, screening: JSON.stringify(screening) };
      }
      if (to === 'in_review' && !['closed', 'reviewing'].includes(program.status)) {
        throw errors.ruleViolation('An application is admitted to review after the call closes.');
      }
      if (to === 'in_review' && !readScreening(row.screening)?.passed) {
        // A staff override of a failed screening: allowed with the reason, which the audit log keeps.
        record({
          action: 'application.screening_override',
          resourceType: 'funding_application',
          resourceId: row.id,
          societyId: row.society_id,
          after: { reason },
        });
      }
      await moveApplications(trx, context.actor, [move], record);
      // A withdrawn application leaves its reviewers' queues at once; reviews already submitted stay
      // on record but no longer count anywhere (scores.ts, the board's loads).
      if (to === 'withdrawn') await endOpenAssignments(trx, row.id, 'Application withdrawn', record);
      return toApplication(await findApplication(trx, principal.scope, id));
    });
  }

  /**
   * A returned application filed again (returned → submitted, by its society, by the deadline): it
   * keeps its place in the closed call — its first submission time — and is screened afresh at once
   * (submitted → screening), so staff see the new 形式审查 beside the corrections.
   */
  private async submitAgain(
    trx: Trx,
    principal: Principal,
    { row, program }: { row: ApplicationRowWithSociety; program: FundingProgram },
    reason: string,
    actor: Caller['context']['actor'],
    record: (change: Change) => void,
  ) {
    if (program.status !== 'closed') {
      throw errors.ruleViolation(
        `The call is ${program.status}; a returned application is filed again while it is closed.`,
      );
    }
    this.assertComplete(program, row);
    await resolveOpenRound(trx, returnedApplication(row), 'application', new Date());
    await moveApplications(trx, actor, [{ row, to: 'submitted', reason }], record);
    const submitted = await findApplication(trx, principal.scope, row.id, { forUpdate: true });
    const screening = await screenRow(trx, program, submitted);
    await moveApplications(
      trx,
      actor,
      [
        {
          row: submitted,
          to: 'screening',
          reason: 'Screened again (形式审查) after correction',
          set: { screening: JSON.stringify(screening) },
        },
      ],
      record,
    );
    return toApplication(await findApplication(trx, principal.scope, row.id));
  }

  /**
   * Sends back for correction (退回修改) what the society last filed, with a new round of comments and
   * its deadline (Association staff only, the lifecycle's move): an application in screening, while the
   * call is closed and review has not opened (screening → returned); or a funded project's final report
   * (reported → funded: the project owes it again).
   */
  async sendBack(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    request: ReturnRequest,
  ): Promise<ReturnRound> {
    return write(this.db, context, async (trx, record) => {
      const { row, program } = await this.lockForChange(trx, principal, id);
      const subject = { id: row.id, societyId: row.society_id, status: row.status, version: row.version };
      if (row.status === 'reported') {
        const move = checkMove(APPLICATION, principal, subject, { to: 'funded', reason: request.reason }, expected);
        await moveApplications(trx, context.actor, [{ row, to: move.to, reason: move.reason }], record);
        return openRound(trx, returnedFinalReport(row), request, context.actor, new Date());
      }
      const move = checkMove(APPLICATION, principal, subject, { to: 'returned', reason: request.reason }, expected);
      if (program.status !== 'closed') {
        throw errors.ruleViolation(
          `Applications are sent back while the call is closed, before review opens; the call is ${program.status}.`,
        );
      }
      await moveApplications(trx, context.actor, [{ row, to: move.to, reason: move.reason }], record);
      return openRound(trx, returnedApplication(row), request, context.actor, new Date());
    });
  }

  /** Every round of returns of the application, with its comments. */
  async returns(principal: Principal, id: string) {
    await sweepOverdueReturns(this.db);
    await this.visible(this.db, principal, id);
    return listRounds(this.db, ['funding_application', 'final_report'], id);
  }

  private assertSubmittable(program: FundingProgram, row: ApplicationRowWithSociety): void {
    const today = localToday();
    if (program.status !== 'open' || today < program.opensOn || today > program.closesOn) {
      throw errors.ruleViolation(
        `Applications are submitted while the call is open, ${program.opensOn} to ${program.closesOn}; today is ${today} and the call is ${program.status}.`,
        [{ path: '/body/to', code: 'outside_window', message: 'Outside the submission window.' }],
      );
    }
    this.assertComplete(program, row);
  }

  /** The draft checks (category, amounts, budget balance), by field. */
  private assertComplete(program: FundingProgram, row: ApplicationRowWithSociety): void {
    const application = toApplication(row);
    const problems: FieldError[] = checkApplicationDraft({
      categoryCode: application.categoryCode,
      categories: program.categories,
      requestedFen: application.requestedFen,
      selfFundedFen: application.selfFundedFen,
      budgetLines: application.budgetLines,
    });
    if (problems.length) {
      throw errors.validation(
        problems.map((p) => ({ ...p, path: `/body${p.path}` })),
        'The application is not complete; correct it and submit again.',
      );
    }
  }

  async finalReport({ principal, context }: Caller, id: string, expected: number | null, input: FinalReportInput) {
    return write(this.db, context, async (trx, record) => {
      const row = await this.visible(trx, principal, id, true);
      assertVersion(row.version, expected);
      if (moverOf(principal) === null) throw errors.forbidden();
      if (row.status !== 'funded') {
        throw errors.conflict(`A final report is filed for a funded project; this one is ${row.status}.`);
      }
      // The rule the console's form checks too (packages/domain), every problem at once.
      const problems = checkFinalReport(input);
      if (problems.length) throw errors.validation(problems.map((p) => ({ ...p, path: `/body${p.path}` })));
      const report = { ...input, outcomes: input.outcomes.trim(), submittedAt: new Date().toISOString() };
      const returned = await openRoundOf(trx, 'final_report', row.id);
      // A project cannot close without its final report: one sent back is taken late too.
      if (returned)
        await resolveOpenRound(trx, returnedFinalReport(row), 'final report', new Date(), { lateAllowed: true });
      const reason = returned ? 'Final report filed again after correction' : 'Final report filed';
      await moveApplications(
        trx,
        context.actor,
        [{ row, to: 'reported', reason, set: { final_report: JSON.stringify(report) } }],
        record,
      );
      return toApplication(await findApplication(trx, principal.scope, id));
    });
  }

  async transitions(principal: Principal, id: string) {
    await this.visible(this.db, principal, id);
    const rows = await allTransitions(this.db, APPLICATION, id);
    return {
      items: rows.map(historyItem),
      nextCursor: null,
    };
  }
}

function returnedApplication(row: ApplicationRowWithSociety) {
  return { resourceType: 'funding_application' as const, resourceId: row.id, societyId: row.society_id };
}

function returnedFinalReport(row: ApplicationRowWithSociety) {
  return { resourceType: 'final_report' as const, resourceId: row.id, societyId: row.society_id };
}

function assertCategory(program: FundingProgram, code: string): void {
  if (!program.categories.some((c) => c.code === code)) {
    throw errors.validation([
      {
        path: '/body/categoryCode',
        code: 'unknown_category',
        message: `The program has no category "${code}"; choose one of: ${program.categories.map((c) => c.code).join(', ')}.`,
      },
    ]);
  }
}
