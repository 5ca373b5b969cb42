import {
  type AllocationStrategy,
  type ApplicationStatus,
  allocate,
  rankApplications,
  rankExplanation,
  summariseCategory,
} from '@society-hub/domain';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import type { Caller } from '../../lib/request-context';
import { type Trx, write } from '../../lib/write';
import { type Move, moveApplications } from './application-moves';
import { allocatedFenByCategory, rankedApplications } from './decisions.repository';
import type { Ranking } from './decisions.schemas';
import { findProgram, readDecision, toProgram } from './funding.repository';
import type { FundingProgram } from './funding.schemas';
import { aggregateProgramScores } from './scores';

/** Decided applications hold their allocation: it counts against the budgets of later decisions. */
const COMMITTED: readonly ApplicationStatus[] = ['approved', 'notice', 'funded', 'reported', 'closed'];
const SCORED: readonly ApplicationStatus[] = [...COMMITTED, 'reviewed', 'rejected'];

type RankedRow = Awaited<ReturnType<typeof rankedApplications>>[number];

interface Computed {
  ranking: Ranking;
  /** The undecided applications and what the allocation gives each. */
  decisions: {
    row: RankedRow;
    allocatedFen: number;
    funded: boolean;
    rank: number;
    reason: string;
    explanation: string;
  }[];
}

/**
 * Ranking and allocation (SPEC §3): rank every scored application per category, then allocate what
 * the undecided ones may get from what earlier decisions left of each budget. The trial and the applied
 * allocation are the same computation, so what staff preview is what they apply.
 */
export class DecisionService {
  constructor(private readonly db: DB) {}

  async ranking(programId: string, strategy?: AllocationStrategy): Promise<Ranking> {
    const program = toProgram(await findProgram(this.db, programId));
    return (await this.compute(this.db, program, strategy ?? program.allocationStrategy)).ranking;
  }

  private async compute(db: DB | Trx, program: FundingProgram, strategy: AllocationStrategy): Promise<Computed> {
    const provisional = program.status === 'reviewing';
    const rows = await rankedApplications(db, program.id, provisional ? ['in_review'] : SCORED);
    const live = provisional ? await aggregateProgramScores(db, program) : null;
    const scored = rows.flatMap((row) => {
      const score = live ? live.get(row.id)?.score : row.score;
      const first = live ? live.get(row.id)?.firstCriterion : row.first_criterion;
      if (score === undefined || score === null) return [];
      // An application rejected at screening never had a score; one rejected by an earlier allocation has.
      return [{ row, score, firstCriterion: first ?? 0 }];
    });
    const ranked = rankApplications(
      scored.map(({ row, score, firstCriterion }) => ({
        applicationId: row.id,
        categoryCode: row.category_code,
        score,
        firstCriterion,
        submittedAt: row.submitted_at?.toISOString() ?? row.created_at.toISOString(),
        requestedFen: row.requested_fen,
        adjustedFen: row.adjusted_fen,
      })),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const undecided = ranked.filter((r) => provisional || byId.get(r.applicationId)?.status === 'reviewed');
    const committedIn = (code: string) =>
      rows
        .filter((r) => r.category_code === code && COMMITTED.includes(r.status))
        .reduce((sum, r) => sum + (r.allocated_fen ?? 0), 0);
    const committedFen = program.categories.reduce((sum, c) => sum + committedIn(c.code), 0);
    const result = allocate({
      strategy,
      minimumScore: program.minimumScore,
      categories: program.categories.map((c) => ({ ...c, budgetFen: Math.max(0, c.budgetFen - committedIn(c.code)) })),
      ranked: undecided,
      totalBudgetFen: program.totalBudgetFen,
      alreadyCommittedFen: committedFen,
    });
    const trial = new Map(result.categories.flatMap((c) => c.rows.map((r) => [r.applicationId, r] as const)));

    const categories = program.categories.map((category) => {
      const allocation = result.categories.find((c) => c.categoryCode === category.code);
      const inCategory = ranked.filter((r) => r.categoryCode === category.code);
      const rows = inCategory.map((r, index) => {
        const row = byId.get(r.applicationId);
        if (!row) throw new Error(`ranked application ${r.applicationId} vanished`);
        const planned = trial.get(r.applicationId);
        const decision = planned ? null : readDecision(row.decision);
        const decided = !planned;
        return {
          applicationId: r.applicationId,
          title: row.title,
          societyName: row.society_name,
          status: row.status,
          rank: r.rank,
          score: r.score,
          firstCriterion: r.firstCriterion,
          tieBreak: r.tieBreak,
          rankExplanation: rankExplanation(r, inCategory[index - 1]),
          requestedFen: r.requestedFen,
          basisFen: r.adjustedFen ?? r.requestedFen,
          allocatedFen: planned ? planned.allocatedFen : (row.allocated_fen ?? 0),
          funded: planned ? planned.funded : COMMITTED.includes(row.status),
          decided,
          reason: planned?.reason ?? decision?.reason ?? 'decided',
          explanation: planned?.explanation ?? decision?.explanation ?? '',
        };
      });
      // The allocation speaks of the undecided only; the category's summary counts every row shown.
      const summary = summariseCategory({
        budgetFen: category.budgetFen,
        committedFen: committedIn(category.code),
        availableFen: allocation?.availableFen ?? 0,
        totalBudgetFen: program.totalBudgetFen,
        remainingFen: allocation?.remainingFen ?? 0,
        rows,
      });
      return {
        categoryCode: category.code,
        name: category.name,
        budgetFen: category.budgetFen,
        committedFen: committedIn(category.code),
        availableFen: allocation?.availableFen ?? 0,
        allocatedFen: allocation?.allocatedFen ?? 0,
        remainingFen: allocation?.remainingFen ?? 0,
        fundingLine: summary.fundingLine,
        sharePercent: allocation?.sharePercent ?? null,
        explanation: summary.explanation,
        rows,
      };
    });
    const decisions = undecided.flatMap((r) => {
      const row = byId.get(r.applicationId);
      const planned = trial.get(r.applicationId);
      if (!row || !planned) return [];
      return [
        {
          row,
          allocatedFen: planned.allocatedFen,
          funded: planned.funded,
          rank: r.rank,
          reason: planned.reason,
          explanation: planned.explanation,
        },
      ];
    });
    return {
      ranking: {
        programId: program.id,
        programStatus: program.status,
        strategy,
        minimumScore: program.minimumScore,
        provisional,
        totalBudgetFen: program.totalBudgetFen,
        committedFen,
        trialAllocatedFen: result.totalAllocatedFen,
        remainingFen: result.remainingFen,
        categories,
      },
      decisions,
    };
  }

  /**
   * Applies (or, with dryRun, previews) the allocation. The program row is locked for the whole
   * computation and write, so two staff applying at once are serialised: the second sees the first's
   * decisions as committed and can never push a budget over. The sums are checked again before commit.
   */
  async allocate(
    { context }: Caller,
    programId: string,
    request: { dryRun?: boolean | undefined; strategy?: AllocationStrategy | undefined },
  ) {
    if (request.dryRun) {
      const program = toProgram(await findProgram(this.db, programId));
      const { ranking, decisions } = await this.compute(
        this.db,
        program,
        request.strategy ?? program.allocationStrategy,
      );
      return {
        dryRun: true,
        approved: decisions.filter((d) => d.funded).length,
        rejected: decisions.filter((d) => !d.funded).length,
        allocatedFen: ranking.trialAllocatedFen,
        ranking,
      };
    }
    return write(this.db, context, async (trx, record) => {
      const program = toProgram(await findProgram(trx, programId, { forUpdate: true }));
      // Naming the program's own strategy is naming what is applied anyway; another is for trials only.
      if (request.strategy !== undefined && request.strategy !== program.allocationStrategy) {
        throw errors.validation([
          {
            path: '/body/strategy',
            code: 'trial_only',
            message: `The applied allocation uses the program’s own strategy, ${program.allocationStrategy}; ${request.strategy} may be tried with dryRun.`,
          },
        ]);
      }
      if (program.status !== 'deciding') {
        throw errors.ruleViolation(`Allocations are applied while the program is deciding; it is ${program.status}.`);
      }
      const { decisions, ranking } = await this.compute(trx, program, program.allocationStrategy);
      if (decisions.length === 0) {
        throw errors.conflict('Every reviewed application already has a decision; nothing is left to allocate.');
      }
      const decidedAt = new Date().toISOString();
      const moves: Move[] = decisions.map((d) => ({
        row: d.row,
        to: d.funded ? 'approved' : 'rejected',
        reason: d.explanation,
        set: {
          allocated_fen: d.allocatedFen,
          decision: JSON.stringify({ rank: d.rank, reason: d.reason, explanation: d.explanation, decidedAt }),
        },
      }));
      await moveApplications(trx, context.actor, moves, record);
      await assertWithinBudgets(trx, program);
      // What was applied is exactly the trial just computed; the ranking is returned with its rows decided.
      const status = new Map(
        decisions.map((d) => [d.row.id, d.funded ? ('approved' as const) : ('rejected' as const)]),
      );
      const after = {
        ...ranking,
        categories: ranking.categories.map((c) => ({
          ...c,
          rows: c.rows.map((r) => {
            const decided = status.get(r.applicationId);
            return decided ? { ...r, status: decided, decided: true } : r;
          }),
        })),
      };
      record({
        action: 'program.allocation_applied',
        resourceType: 'funding_program',
        resourceId: program.id,
        after: {
          strategy: program.allocationStrategy,
          approved: decisions.filter((d) => d.funded).map((d) => ({ id: d.row.id, allocatedFen: d.allocatedFen })),
          rejected: decisions.filter((d) => !d.funded).map((d) => d.row.id),
        },
        event: 'program.allocation_applied',
      });
      return {
        dryRun: false,
        approved: decisions.filter((d) => d.funded).length,
        rejected: decisions.filter((d) => !d.funded).length,
        allocatedFen: decisions.reduce((sum, d) => sum + d.allocatedFen, 0),
        ranking: after,
      };
    });
  }
}

/** The invariant, checked in the database itself before the transaction may commit. */
async function assertWithinBudgets(trx: Trx, program: FundingProgram): Promise<void> {
  const sums = await allocatedFenByCategory(trx, program.id, COMMITTED);
  const total = sums.reduce((s, r) => s + Number(r.fen ?? 0), 0);
  const over = sums.filter(
    (r) => Number(r.fen ?? 0) > (program.categories.find((c) => c.code === r.category_code)?.budgetFen ?? 0),
  );
  if (total > program.totalBudgetFen || over.length) {
    throw new Error(`allocation would exceed a budget in program ${program.id}; rolled back`);
  }
}
