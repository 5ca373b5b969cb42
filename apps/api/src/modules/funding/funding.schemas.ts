import { ALLOCATION_STRATEGIES, APPLICATION_STATUSES, PROGRAM_STATUSES, SCORING_METHODS } from '@society-hub/domain';
import { type Static, Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';

const Fen = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000_000, description });
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' });

export const ProgramStatusSchema = Type.Enum(PROGRAM_STATUSES, {
  $id: 'ProgramStatus',
  description:
    'draft 草稿 / open 申报中 / closed 申报截止 / reviewing 评审中 / deciding 资助决定 / notice 公示中 / finalised 已完成',
});
export const ApplicationStatusSchema = Type.Enum(APPLICATION_STATUSES, {
  $id: 'ApplicationStatus',
  description:
    'draft 草稿 / submitted 已提交 / screening 形式审查 / in_review 评审中 / reviewed 已评审 / approved 拟资助 / rejected 未通过 / notice 公示中 / funded 已资助 / reported 已结项报告 / closed 已结项 / withdrawn 已撤回',
});
export const ScoringMethodSchema = Type.Enum(SCORING_METHODS, {
  $id: 'ScoringMethod',
  description:
    'trimmed_mean: mean of reviewer totals, dropping the highest and lowest with 5+ reviews; z_score: each reviewer normalised first',
});
export const AllocationStrategySchema = Type.Enum(ALLOCATION_STRATEGIES, {
  $id: 'AllocationStrategy',
  description:
    'best_first: fund in rank order in full while the category budget allows; proportional: every application over the minimum gets the same share of its request',
});

export const ProgramCategorySchema = Type.Object(
  {
    code: Code,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    capFen: Fen('Most one application may request'),
    budgetFen: Fen('What the category may fund in total'),
  },
  { $id: 'ProgramCategory', additionalProperties: false },
);
export const RubricCriterionSchema = Type.Object(
  {
    code: Code,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    weight: Type.Integer({ minimum: 1, maximum: 100, description: 'Points; the weights sum to 100' }),
  },
  { $id: 'RubricCriterion', additionalProperties: false },
);

const programSettings = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  description: Nullable(Type.String({ maxLength: 4000 })),
  opensOn: DateString,
  closesOn: DateString,
  totalBudgetFen: Fen('Program budget; category budgets may not exceed it together'),
  categories: Type.Array(ref(ProgramCategorySchema), { minItems: 1, maxItems: 30 }),
  rubric: Type.Array(ref(RubricCriterionSchema), { minItems: 1, maxItems: 20 }),
  minimumScore: Type.Number({ minimum: 0, maximum: 100, description: 'Minimum fundable score (default 60)' }),
  reviewersPerApplication: Type.Integer({ minimum: 3, maximum: 15 }),
  scoringMethod: ref(ScoringMethodSchema),
  allocationStrategy: ref(AllocationStrategySchema),
  noticeWorkingDays: Type.Integer({ minimum: 1, maximum: 60, description: 'Public notice length in working days' }),
  allowMultiplePerCategory: Type.Boolean({ description: 'May a society apply more than once in a category' }),
};

export const FundingProgramSchema = Type.Object(
  {
    id: Uuid,
    ...programSettings,
    status: ref(ProgramStatusSchema),
    noticeStartsOn: Nullable(DateString),
    noticeEndsOn: Nullable(DateString),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'FundingProgram', additionalProperties: false },
);
export type FundingProgram = Static<typeof FundingProgramSchema>;

const { name, year, opensOn, closesOn, totalBudgetFen, ...programDefaults } = programSettings;
export const FundingProgramCreateSchema = Type.Object(
  {
    name,
    year,
    opensOn,
    closesOn,
    totalBudgetFen,
    ...Type.Partial(Type.Object(programDefaults)).properties,
  },
  {
    $id: 'FundingProgramCreate',
    additionalProperties: false,
    description:
      'Omitted settings take the defaults of seeds/001: six categories, the five-criterion rubric, 60, 5, 5. ' +
      'Omitted categories are the six default ones with totalBudgetFen split between them in the seeds’ ' +
      'proportions (annual meeting 500 : exchange 600 : major event 500 : journal 200 : popularisation 450 : ' +
      'member congress 200), in whole fen summing exactly to totalBudgetFen (flooring’s leftover fen go to ' +
      'the largest remainders); each cap is the seeds’ cap or, if smaller, the category’s budget.',
  },
);
export const FundingProgramPatchSchema = Type.Object(Type.Partial(Type.Object(programSettings)).properties, {
  $id: 'FundingProgramPatch',
  additionalProperties: false,
});
export const FundingProgramPageSchema = pageOf(FundingProgramSchema, 'FundingProgramPage');
export const ProgramListQuerySchema = Type.Object(
  {
    status: Type.Optional(ref(ProgramStatusSchema)),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const BudgetLineSchema = Type.Object(
  {
    item: Type.String({ minLength: 1, maxLength: 100 }),
    amountFen: Fen('Amount of this line'),
  },
  { $id: 'BudgetLine', additionalProperties: false },
);
export const AttachmentSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    sizeBytes: Type.Optional(Type.Integer({ minimum: 0 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { $id: 'Attachment', additionalProperties: false, description: 'Metadata of a supporting document' },
);

export const ScreeningCheckSchema = Type.Object(
  {
    code: Type.String({ description: 'society_active, inspection, category, within_cap, budget_balanced, …' }),
    passed: Type.Boolean(),
    message: Type.String(),
  },
  { $id: 'ScreeningCheck', additionalProperties: false },
);
export const ScreeningResultSchema = Type.Object(
  {
    passed: Type.Boolean(),
    checks: Type.Array(ref(ScreeningCheckSchema)),
    screenedAt: Timestamp,
  },
  { $id: 'ScreeningResult', additionalProperties: false, description: '形式审查: every check with its explanation' },
);

export const FinalReportSchema = Type.Object(
  {
    actualSpendingFen: Fen('What was actually spent, funding and own money together'),
    spendingLines: Type.Array(ref(BudgetLineSchema), { minItems: 1, maxItems: 100 }),
    outcomes: Type.String({ minLength: 10, maxLength: 10_000, description: 'What the project achieved' }),
    participants: Nullable(Type.Integer({ minimum: 0 })),
    submittedAt: Type.Optional(Timestamp),
  },
  { $id: 'FinalReport', additionalProperties: false, description: '结项: actual spending and outcomes' },
);

const applicationEditable = {
  categoryCode: Code,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  summary: Nullable(Type.String({ maxLength: 4000 })),
  plannedOn: Nullable(DateString),
  place: Nullable(Type.String({ maxLength: 200 })),
  expectedParticipants: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  disciplines: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
    maxItems: 10,
    uniqueItems: true,
    description: 'Used to match reviewers; the society’s discipline when empty',
  }),
  budgetLines: Type.Array(ref(BudgetLineSchema), { maxItems: 100 }),
  requestedFen: Fen('Amount requested from the program'),
  selfFundedFen: Fen('The society’s own contribution'),
  attachments: Type.Array(ref(AttachmentSchema), { maxItems: 30 }),
};

export const ApplicationDecisionSchema = Type.Object(
  {
    rank: Type.Integer({ minimum: 1 }),
    reason: Type.String({
      description:
        'funded_in_full, funded_share, below_minimum, budget_exhausted, not_eligible (from the allocation) or objection_upheld (an upheld objection to the notice took the decision back)',
    }),
    explanation: Type.String({ description: 'Always describes the current decision' }),
    decidedAt: Timestamp,
  },
  { $id: 'ApplicationDecision', additionalProperties: false },
);
export type ApplicationDecision = Static<typeof ApplicationDecisionSchema>;

export const FundingApplicationSchema = Type.Object(
  {
    id: Uuid,
    programId: Uuid,
    societyId: Uuid,
    societyName: Type.String(),
    ...applicationEditable,
    adjustedFen: Nullable(Fen('Amount set by staff for allocation, when different from the request')),
    adjustmentReason: Nullable(Type.String()),
    status: ref(ApplicationStatusSchema),
    screening: Nullable(ref(ScreeningResultSchema)),
    submittedAt: Nullable(Timestamp),
    score: Nullable(Type.Number({ description: 'Aggregated score once review closes' })),
    scoreExplanation: Nullable(Type.String()),
    allocatedFen: Nullable(Fen('Funding decided')),
    decision: Nullable(ref(ApplicationDecisionSchema)),
    finalReport: Nullable(ref(FinalReportSchema)),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'FundingApplication', additionalProperties: false },
);
export type FundingApplication = Static<typeof FundingApplicationSchema>;

const { categoryCode, title, ...applicationOptional } = applicationEditable;
export const FundingApplicationCreateSchema = Type.Object(
  {
    societyId: Uuid,
    categoryCode,
    title,
    ...Type.Partial(Type.Object(applicationOptional)).properties,
  },
  { $id: 'FundingApplicationCreate', additionalProperties: false },
);
export const FundingApplicationPatchSchema = Type.Object(
  {
    ...Type.Partial(Type.Object(applicationEditable)).properties,
    adjustedFen: Type.Optional(Nullable(Fen('Staff only: the amount to allocate instead of the request'))),
    adjustmentReason: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 1000 }))),
  },
  { $id: 'FundingApplicationPatch', additionalProperties: false },
);
export const FundingApplicationPageSchema = pageOf(FundingApplicationSchema, 'FundingApplicationPage');
export const ApplicationListQuerySchema = Type.Object(
  {
    status: Type.Optional(ref(ApplicationStatusSchema)),
    categoryCode: Type.Optional(Code),
    societyId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Part of the title' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ApplicationTransitionSchema = Type.Object(
  {
    id: Uuid,
    from: Type.String(),
    to: Type.String(),
    reason: Type.String(),
    actor: Nullable(Type.Object({ id: Nullable(Uuid), username: Nullable(Type.String()) })),
    at: Timestamp,
  },
  { $id: 'ApplicationTransition', additionalProperties: false },
);
export const ApplicationTransitionPageSchema = pageOf(ApplicationTransitionSchema, 'ApplicationTransitionPage');

export const fundingSchemas = [
  ProgramStatusSchema,
  ApplicationStatusSchema,
  ScoringMethodSchema,
  AllocationStrategySchema,
  ProgramCategorySchema,
  RubricCriterionSchema,
  FundingProgramSchema,
  FundingProgramCreateSchema,
  FundingProgramPatchSchema,
  FundingProgramPageSchema,
  BudgetLineSchema,
  AttachmentSchema,
  ScreeningCheckSchema,
  ScreeningResultSchema,
  FinalReportSchema,
  ApplicationDecisionSchema,
  FundingApplicationSchema,
  FundingApplicationCreateSchema,
  FundingApplicationPatchSchema,
  FundingApplicationPageSchema,
  ApplicationTransitionSchema,
  ApplicationTransitionPageSchema,
];
