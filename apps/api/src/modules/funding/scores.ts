import { type AggregatedScore, aggregateScores } from '@society-hub/domain';
import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';
import type { FundingProgram } from './funding.schemas';

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
  // The first criterion's score is picked out in the database: a program's ten thousand reviews were
  // otherwise each sent whole and checked against their schema, to read one number (they were
  // checked against the rubric when submitted).
  const rows = await db
    .selectFrom('review_assignments')
    .innerJoin('funding_applications', 'funding_applications.id', 'review_assignments.application_id')
    .select([
      'review_assignments.application_id',
      'review_assignments.expert_id',
      'review_assignments.total',
      sql<number | null>`(SELECT (e->>'score')::float8 FROM jsonb_array_elements(review_assignments.scores) e
        WHERE e->>'code' = ${first} LIMIT 1)`.as('first_score'),
    ])
    .where('review_assignments.program_id', '=', program.id)
    .where('review_assignments.status', '=', 'submitted')
    .where('funding_applications.status', '!=', 'withdrawn')
    .execute();
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
