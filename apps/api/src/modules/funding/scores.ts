import { type AggregatedScore, aggregateScores } from '@society-hub/domain';
import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';
import type { FundingProgram } from './funding.schemas';
import { submittedReviewScores } from './reviews.repository';

/**
 * Every submitted review of the program aggregated by its scoring method. z-score normalisation needs
 * each reviewer's whole set of reviews in the program, so this always reads the program, not one
 * application. Reviews of a withdrawn application are left out: it no longer competes, and its
 * scores must not shift a reviewer's mean and spread for the others.
 */
export async function aggregateProgramScores(
  db: DB | Trx,
  program: FundingProgram,
): Promise<Map<string, AggregatedScore>> {
  const first = program.rubric[0]?.code ?? '';
  const rows = await submittedReviewScores(db, program.id, first);
  return aggregateScores(
    program.scoringMethod,
    rows.map((r) => ({
      applicationId: r.application_id,
      reviewerId: r.expert_id,
      total: r.total ?? 0,
      firstCriterion: r.first_score ?? 0,
    })),
  );
}
