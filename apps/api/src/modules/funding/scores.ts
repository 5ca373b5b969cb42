import { type AggregatedScore, aggregateScores } from '@society-hub/domain';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import { storedJson } from '../../lib/stored-json';
import type { Trx } from '../../lib/write';
import type { FundingProgram } from './funding.schemas';
import { CriterionScoreSchema } from './reviews.schemas';

const readScores = storedJson(
  { CriterionScore: CriterionScoreSchema },
  Type.Array(Type.Ref('CriterionScore')),
  'submitted review scores',
);

/**
 * Every submitted review of the program aggregated by its scoring method. z-score normalisation needs
 * each reviewer's whole set of reviews in the program, so this always reads the program, not one
 * application.
 */
export async function aggregateProgramScores(
  db: DB | Trx,
  program: FundingProgram,
): Promise<Map<string, AggregatedScore>> {
  const first = program.rubric[0]?.code;
  const rows = await db
    .selectFrom('review_assignments')
    .select(['application_id', 'expert_id', 'total', 'scores'])
    .where('program_id', '=', program.id)
    .where('status', '=', 'submitted')
    .execute();
  return aggregateScores(
    program.scoringMethod,
    rows.map((r) => ({
      applicationId: r.application_id,
      reviewerId: r.expert_id,
      total: r.total ?? 0,
      firstCriterion: readScores(r.scores).find((s) => s.code === first)?.score ?? 0,
    })),
  );
}
