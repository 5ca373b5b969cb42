import {
  type ApplicationStatus,
  checkProgramSettings,
  countOf,
  DEFAULT_RUBRIC,
  defaultCategoriesFor,
  localToday,
  noticePeriod,
  type ProgramSettings,
  type ProgramStatus,
  quorumMet,
  reviewQuorum,
  WorkingDayCalendar,
} from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { PROGRAM } from '../../lib/lifecycles';
import { keysetOf } from '../../lib/pagination';
import type { Caller } from '../../lib/request-context';
import { requiredText } from '../../lib/text';
import { checkMove, recordMove, type TransitionRequest } from '../../lib/transitions';
import { type Change, type Trx, write } from '../../lib/write';
import { loadCalendarData } from '../calendar/calendar.service';
import { type Move, moveApplications } from './application-moves';
import { rejectOverdueReturns } from './application-returns';
import { lockApplicationsInStatus, lockLeanApplicationsInStatus, saveScreening } from './applications.repository';
import { screenRow } from './applications.service';
import { findProgram, readDecision, readScreening, toProgram } from './funding.repository';
import type {
  FundingProgram,
  FundingProgramCreateSchema,
  FundingProgramPatchSchema,
  ProgramListQuerySchema,
} from './funding.schemas';
import * as repo from './programs.repository';
import type { ReviewService } from './reviews.service';
import { aggregateProgramScores } from './scores';

type ProgramCreate = Static<typeof FundingProgramCreateSchema>;
type ProgramPatch = Static<typeof FundingProgramPatchSchema>;

function settingsOf(program: FundingProgram): ProgramSettings {
  return {
    year: program.year,
    opensOn: program.opensOn,
    closesOn: program.closesOn,
    totalBudgetFen: program.totalBudgetFen,
    categories: program.categories,
    rubric: program.rubric,
    minimumScore: program.minimumScore,
    reviewersPerApplication: program.reviewersPerApplication,
    scoringMethod: program.scoringMethod,
    allocationStrategy: program.allocationStrategy,
    noticeWorkingDays: program.noticeWorkingDays,
    allowMultiplePerCategory: program.allowMultiplePerCategory,
  };
}

function assertSettings(settings: ProgramSettings): void {
  const problems: FieldError[] = checkProgramSettings(settings).map((p) => ({ ...p, path: `/body${p.path}` }));
  if (problems.length) throw errors.validation(problems, 'The program settings are not consistent.');
}

/**
 * Once the call is open, only what cannot hurt an applicant may change: the wording and a later close
 * (also after closing, to reopen a call closed too early).
 */
const EDITABLE_WHILE_OPEN: readonly (keyof ProgramPatch)[] = ['name', 'description', 'closesOn'];

export class ProgramService {
  constructor(
    private readonly db: DB,
    private readonly reviews: ReviewService,
  ) {}

  async list(query: Static<typeof ProgramListQuerySchema>) {
    const keyset = keysetOf(repo.PROGRAM_SORTS, { ...query, sort: undefined });
    const { rows, nextCursor } = await repo.listPrograms(this.db, query, keyset);
    return { items: rows.map(toProgram), nextCursor };
  }

  async get(id: string): Promise<FundingProgram> {
    return toProgram(await findProgram(this.db, id));
  }

  async create({ context }: Caller, input: ProgramCreate): Promise<FundingProgram> {
    const settings: ProgramSettings = {
      year: input.year,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      totalBudgetFen: input.totalBudgetFen,
      categories: input.categories ?? defaultCategoriesFor(input.totalBudgetFen),
      rubric: input.rubric ?? DEFAULT_RUBRIC,
      minimumScore: input.minimumScore ?? 60,
      reviewersPerApplication: input.reviewersPerApplication ?? 5,
      scoringMethod: input.scoringMethod ?? 'trimmed_mean',
      allocationStrategy: input.allocationStrategy ?? 'best_first',
      noticeWorkingDays: input.noticeWorkingDays ?? 5,
      allowMultiplePerCategory: input.allowMultiplePerCategory ?? false,
    };
    assertSettings(settings);
    const name = requiredText(input.name, '/body/name', 'Give the program a name.');
    return write(this.db, context, async (trx, record) => {
      const now = new Date();
      const row = await repo.insertProgram(trx, {
        id: uuidv7(),
        name,
        year: settings.year,
        description: input.description ?? null,
        opens_on: settings.opensOn,
        closes_on: settings.closesOn,
        total_budget_fen: settings.totalBudgetFen,
        categories: JSON.stringify(settings.categories),
        rubric: JSON.stringify(settings.rubric),
        minimum_score: settings.minimumScore,
        reviewers_per_application: settings.reviewersPerApplication,
        scoring_method: settings.scoringMethod,
        allocation_strategy: settings.allocationStrategy,
        notice_working_days: settings.noticeWorkingDays,
        allow_multiple_per_category: settings.allowMultiplePerCategory,
        created_at: now,
        updated_at: now,
      });
      const program = toProgram(row);
      record({
        action: 'program.create',
        resourceType: 'funding_program',
        resourceId: program.id,
        after: program,
        event: 'program.created',
      });
      return program;
    });
  }

  async update({ context }: Caller, id: string, expected: number | null, patch: ProgramPatch) {
    if (patch.name !== undefined) requiredText(patch.name, '/body/name', 'Give the program a name.');
    return write(this.db, context, async (trx, record) => {
      const row = await findProgram(trx, id, { forUpdate: true });
      assertVersion(row.version, expected);
      const current = toProgram(row);
      if (current.status !== 'draft') {
        const fixed = Object.keys(patch).filter(
          (k) =>
            !(
              (current.status === 'open' || current.status === 'closed') &&
              (EDITABLE_WHILE_OPEN as readonly string[]).includes(k)
            ),
        );
        if (fixed.length) {
          throw errors.conflict(
            current.status === 'open' || current.status === 'closed'
              ? `While the call is open or just closed only the name, description and a later closing date may change (not: ${fixed.join(', ')}).`
              : `The program is ${current.status}; its settings are fixed.`,
          );
        }
        if (patch.closesOn !== undefined && patch.closesOn < current.closesOn) {
          throw errors.validation([
            { path: '/body/closesOn', code: 'earlier_close', message: 'An open call may be extended, not shortened.' },
          ]);
        }
      }
      const next: FundingProgram = { ...current, ...patch };
      assertSettings(settingsOf(next));
      const updated = await repo.updateProgram(trx, id, {
        name: next.name.trim(),
        year: next.year,
        description: next.description,
        opens_on: next.opensOn,
        closes_on: next.closesOn,
        total_budget_fen: next.totalBudgetFen,
        categories: JSON.stringify(next.categories),
        rubric: JSON.stringify(next.rubric),
        minimum_score: next.minimumScore,
        reviewers_per_application: next.reviewersPerApplication,
        scoring_method: next.scoringMethod,
        allocation_strategy: next.allocationStrategy,
        notice_working_days: next.noticeWorkingDays,
        allow_multiple_per_category: next.allowMultiplePerCategory,
      });
      const program = toProgram(updated);
      record({
        action: 'program.update',
        resourceType: 'funding_program',
        resourceId: id,
        before: current,
        after: program,
        event: 'program.updated',
      });
      return program;
    });
  }

  /**
   * Program transitions carry its applications along: closing the call screens them, opening review
   * admits those that passed and assigns reviewers, closing review scores them, the notice publishes
   * the approved ones, and finalising funds them.
   */
  async transition(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    request: TransitionRequest,
  ): Promise<FundingProgram> {
    return write(this.db, context, async (trx, record) => {
      const row = await findProgram(trx, id, { forUpdate: true });
      const move = checkMove(PROGRAM, principal, { ...row, societyId: null }, request, expected);
      const { from, to, reason } = move;
      const program = toProgram(row);
      const notice = await this.carryApplications(trx, context.actor, program, to, reason, record);
      // Back from the notice, the old period is over: a new one is computed when the revised notice starts.
      const reopened = from === 'notice' && to === 'deciding';
      const updated = await repo.updateProgram(trx, id, {
        status: to,
        ...(notice ? { notice_starts_on: notice.startsOn, notice_ends_on: notice.endsOn } : {}),
        ...(reopened ? { notice_starts_on: null, notice_ends_on: null } : {}),
      });
      const after = toProgram(updated);
      await recordMove(trx, context.actor, record, PROGRAM, { id, societyId: null }, move, {
        before: { status: from },
        after,
      });
      if (to === 'reviewing') await this.reviews.autoAssignInTransaction(trx, after, record);
      return after;
    });
  }

  private async carryApplications(
    trx: Trx,
    actor: Caller['context']['actor'],
    program: FundingProgram,
    to: ProgramStatus,
    reason: string,
    record: (change: Change) => void,
  ): Promise<{ startsOn: string; endsOn: string } | null> {
    const inStatus = (status: ApplicationStatus) => lockApplicationsInStatus(trx, program.id, status);
    // Closing review, the notice and finalising move thousands and need none of the bulky JSON
    // (budget lines, screening, attachments) that `inStatus` reads for screening.
    const leanInStatus = (status: ApplicationStatus) => lockLeanApplicationsInStatus(trx, program.id, status);
    const move = (moves: Move[]) => moveApplications(trx, actor, moves, record);
    const openObjections = () => repo.openObjectionCount(trx, program.id);

    if (program.status === 'notice' && to === 'deciding') {
      // Reopening the decision, typically because an upheld objection released money (SPEC §3: the
      // budget is there to be spent on the best projects, so the next in rank may take it — 递补).
      // The projects still under notice keep their decision (approved), those the last allocation
      // turned down only for want of budget go back to reviewed, and applying the allocation again
      // decides them on what is left; the revised list then goes to a new notice.
      const open = await openObjections();
      if (open > 0) {
        throw errors.ruleViolation(
          `${countOf(open, 'objection')} to the notice still open; resolve ${open === 1 ? 'it' : 'them'} before reopening the decision.`,
        );
      }
      const noticed = await leanInStatus('notice');
      const waiting = (await inStatus('rejected')).filter(
        (row) => readDecision(row.decision)?.reason === 'budget_exhausted',
      );
      await move([
        ...noticed.map((row): Move => ({ row, to: 'approved', reason: `Decision reopened: ${reason}` })),
        ...waiting.map(
          (row): Move => ({
            row,
            to: 'reviewed',
            reason: `Back in the running for released money: ${reason}`,
            set: { allocated_fen: null, decision: null },
          }),
        ),
      ]);
      return null;
    }
    if (program.status === 'open' && to === 'closed') {
      const submitted = await inStatus('submitted');
      const moves: Move[] = [];
      for (const row of submitted) {
        const screening = await screenRow(trx, program, row);
        moves.push({
          row,
          to: 'screening',
          reason: 'The call closed: 形式审查',
          set: { screening: JSON.stringify(screening) },
        });
      }
      await move(moves);
      // Screened before the call was reopened: their result is refreshed with what is true now.
      for (const row of await inStatus('screening')) {
        if (moves.some((m) => m.row.id === row.id)) continue;
        const screening = await screenRow(trx, program, row);
        await saveScreening(trx, row.id, JSON.stringify(screening));
        record({
          action: 'application.rescreen',
          resourceType: 'funding_application',
          resourceId: row.id,
          societyId: row.society_id,
          after: { passed: screening.passed },
        });
      }
      return null;
    }
    if (to === 'open') {
      // Opened for the first time or reopened, a call must still have days to run: a window already
      // over would take no application, and reopening is how a call is extended.
      const today = localToday();
      if (program.closesOn < today) {
        throw errors.ruleViolation(
          `The call's window ended on ${program.closesOn} (today is ${today}); set closesOn to today or later before ${program.status === 'draft' ? 'opening' : 'reopening'} it.`,
          [{ path: '/body/to', code: 'window_over', message: `closesOn ${program.closesOn} is past.` }],
        );
      }
      // Applications already screened stay so; closing the call again screens them afresh.
      return null;
    }
    if (to === 'reviewing') {
      // A returned application keeps its place until its deadline (issue 21): those past it are
      // rejected now, and review waits for the others to be filed again or to run out of time.
      await rejectOverdueReturns(trx, record);
      const returned = await leanInStatus('returned');
      if (returned.length > 0) {
        throw errors.conflict(
          `${countOf(returned.length, 'application')} of the call ${returned.length === 1 ? 'is' : 'are'} returned for correction and may still be filed again; open review once ${returned.length === 1 ? 'it is' : 'they are'} filed again or past the deadline.`,
        );
      }
      // Past this point the call cannot reopen: a draft never submitted is withdrawn (its final state),
      // so no society's list shows a draft of a call that can no longer take it.
      const drafts = await leanInStatus('draft');
      const screened = await inStatus('screening');
      await move(
        screened.map((row) => {
          const failed = (readScreening(row.screening)?.checks ?? []).filter((c) => !c.passed).map((c) => c.message);
          return failed.length === 0
            ? { row, to: 'in_review', reason: 'Passed 形式审查' }
            : { row, to: 'rejected', reason: `Failed 形式审查: ${failed.join(' ')}` };
        }),
      );
      await move(
        drafts.map((row) => ({
          row,
          to: 'withdrawn',
          reason: `Not submitted before the call closed on ${program.closesOn}`,
        })),
      );
      return null;
    }
    if (to === 'deciding') {
      const inReview = await leanInStatus('in_review');
      const aggregated = await aggregateProgramScores(trx, program);
      const quorum = reviewQuorum(program.reviewersPerApplication);
      const short = inReview.filter(
        (row) => !quorumMet(aggregated.get(row.id)?.reviewCount ?? 0, program.reviewersPerApplication),
      );
      if (short.length) {
        throw errors.ruleViolation(
          `${countOf(short.length, 'application')} with fewer than ${quorum} submitted reviews: ${short
            .slice(0, 5)
            .map((r) => `“${r.title}” (${aggregated.get(r.id)?.reviewCount ?? 0})`)
            .join(', ')}${short.length > 5 ? ', …' : ''}. Assign more reviewers or wait for their scores.`,
          short.map((r) => ({ path: `/applications/${r.id}`, code: 'quorum_not_met', message: r.title })),
        );
      }
      await move(
        inReview.map((row) => {
          const score = aggregated.get(row.id);
          return {
            row,
            to: 'reviewed',
            reason: 'Review closed',
            set: {
              score: score?.score ?? null,
              first_criterion: score?.firstCriterion ?? null,
              score_explanation: score?.explanation ?? null,
            },
          };
        }),
      );
      return null;
    }
    if (to === 'notice') {
      const undecided = await leanInStatus('reviewed');
      if (undecided.length) {
        throw errors.ruleViolation(
          `${countOf(undecided.length, 'reviewed application')} without a decision yet; apply the allocation first.`,
        );
      }
      const calendar = new WorkingDayCalendar(await loadCalendarData(trx));
      const period = noticePeriod(calendar, localToday(), program.noticeWorkingDays);
      const approved = await leanInStatus('approved');
      await move(
        approved.map((row) => ({
          row,
          to: 'notice',
          reason: `Public notice ${period.startsOn} – ${period.endsOn}`,
        })),
      );
      return period;
    }
    if (program.status === 'notice' && to === 'finalised') {
      if (program.noticeEndsOn && localToday() <= program.noticeEndsOn) {
        throw errors.ruleViolation(`The public notice runs until ${program.noticeEndsOn}; finalise after it ends.`);
      }
      const open = await openObjections();
      if (open > 0) {
        throw errors.ruleViolation(
          `${countOf(open, 'objection')} to the notice still open; resolve ${open === 1 ? 'it' : 'them'} first.`,
        );
      }
      await move(
        (await leanInStatus('notice')).map((row) => ({ row, to: 'funded', reason: 'Notice ended without objection' })),
      );
      return null;
    }
    return null;
  }
}
