import { type Static, Type } from 'typebox';
import { Nullable, ref, Uuid } from '../../lib/schemas';
import { AllocationStrategySchema, ApplicationStatusSchema, ProgramStatusSchema } from './funding.schemas';

export const RankingRowSchema = Type.Object(
  {
    applicationId: Uuid,
    title: Type.String(),
    societyName: Type.String(),
    status: ref(ApplicationStatusSchema),
    rank: Type.Integer({ minimum: 1 }),
    score: Type.Number(),
    firstCriterion: Type.Number(),
    tieBreak: Nullable(Type.Enum(['score', 'first_criterion', 'submitted_at', 'id'])),
    rankExplanation: Type.String(),
    requestedFen: Type.Integer(),
    basisFen: Type.Integer({ description: 'Adjusted amount, else the request' }),
    allocatedFen: Type.Integer({ description: 'Decided amount, or the trial allocation while undecided' }),
    funded: Type.Boolean(),
    decided: Type.Boolean({ description: 'True once the allocation was applied to this application' }),
    reason: Type.String({
      description: 'funded_in_full, funded_share, below_minimum, budget_exhausted, not_eligible, objection_upheld',
    }),
    explanation: Type.String(),
  },
  { $id: 'RankingRow', additionalProperties: false },
);

export const RankingCategorySchema = Type.Object(
  {
    categoryCode: Type.String(),
    name: Type.String(),
    budgetFen: Type.Integer(),
    committedFen: Type.Integer({ description: 'Already decided in earlier allocations' }),
    availableFen: Type.Integer(),
    allocatedFen: Type.Integer({ description: 'Trial allocation of the undecided applications' }),
    remainingFen: Type.Integer(),
    fundingLine: Nullable(Type.Number({ description: 'Lowest funded score' })),
    sharePercent: Nullable(Type.Number()),
    explanation: Type.String(),
    rows: Type.Array(ref(RankingRowSchema)),
  },
  { $id: 'RankingCategory', additionalProperties: false },
);

export const RankingSchema = Type.Object(
  {
    programId: Uuid,
    programStatus: ref(ProgramStatusSchema),
    strategy: ref(AllocationStrategySchema),
    minimumScore: Type.Number(),
    provisional: Type.Boolean({ description: 'True while review is still open: scores may change' }),
    totalBudgetFen: Type.Integer(),
    committedFen: Type.Integer(),
    trialAllocatedFen: Type.Integer(),
    remainingFen: Type.Integer(),
    categories: Type.Array(ref(RankingCategorySchema)),
  },
  { $id: 'Ranking', additionalProperties: false, description: 'Ranking per category with the funding line, explained' },
);
export type Ranking = Static<typeof RankingSchema>;

export const AllocationRequestSchema = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ description: 'true: a trial allocation, nothing is written' })),
    strategy: Type.Optional(ref(AllocationStrategySchema)),
  },
  {
    $id: 'AllocationRequest',
    additionalProperties: false,
    description:
      'strategy: with dryRun, any strategy may be tried; when applying, it may be omitted or name the program’s own allocationStrategy — another is refused with 422 and code trial_only at /body/strategy.',
  },
);

export const AllocationResultSchema = Type.Object(
  {
    dryRun: Type.Boolean(),
    approved: Type.Integer({ description: 'Applications approved for funding by this allocation' }),
    rejected: Type.Integer(),
    allocatedFen: Type.Integer(),
    ranking: ref(RankingSchema),
  },
  { $id: 'AllocationResult', additionalProperties: false },
);

export const decisionSchemas = [
  RankingRowSchema,
  RankingCategorySchema,
  RankingSchema,
  AllocationRequestSchema,
  AllocationResultSchema,
];
