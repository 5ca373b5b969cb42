import { MINIMUM_JUSTIFICATION_LENGTH } from '@society-hub/domain';
import { type Static, Type } from 'typebox';
import { Nullable, ref, Timestamp, Uuid } from '../../lib/schemas';
import { ApplicationStatusSchema, ProgramStatusSchema, RubricCriterionSchema } from './funding.schemas';

export const CriterionScoreSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40 }),
    score: Type.Number({ minimum: 0, maximum: 100, description: '0 to the criterion’s weight' }),
  },
  { $id: 'CriterionScore', additionalProperties: false },
);

export const AssignmentStatusSchema = Type.Enum(['assigned', 'declined', 'submitted', 'recused'], {
  $id: 'AssignmentStatus',
  description: 'assigned 待评审 / submitted 已评分 / declined 已谢绝 / recused 已回避',
});
export const DeclineReasonSchema = Type.Enum(['conflict_of_interest', 'not_my_field', 'too_many'], {
  $id: 'DeclineReason',
  description: 'conflict_of_interest 利益冲突（回避） / not_my_field 非本人专业 / too_many 任务过多',
});

export const ConflictSchema = Type.Object(
  { reason: Type.String(), explanation: Type.String() },
  { $id: 'Conflict', additionalProperties: false },
);

/** One reviewer on one application, as staff see it on the assignment board. */
export const ReviewAssignmentSchema = Type.Object(
  {
    id: Uuid,
    programId: Uuid,
    applicationId: Uuid,
    expertId: Uuid,
    expertName: Type.String(),
    status: ref(AssignmentStatusSchema),
    disciplineMatch: Type.Boolean(),
    assignedBy: Type.String({ description: '“auto” or the staff member who assigned by hand' }),
    overrideReason: Nullable(Type.String()),
    declineReason: Nullable(ref(DeclineReasonSchema)),
    declineNote: Nullable(Type.String()),
    conflicts: Type.Array(ref(ConflictSchema), { description: 'Conflicts known now (an override may keep one)' }),
    submittedAt: Nullable(Timestamp),
    createdAt: Timestamp,
  },
  { $id: 'ReviewAssignment', additionalProperties: false },
);

export const AssignmentBoardRowSchema = Type.Object(
  {
    applicationId: Uuid,
    title: Type.String(),
    societyName: Type.String(),
    categoryCode: Type.String(),
    status: ref(ApplicationStatusSchema),
    active: Type.Integer({ description: 'Assigned or submitted reviewers' }),
    submitted: Type.Integer(),
    needed: Type.Integer({ description: 'Reviewers per application in the program' }),
    quorumMet: Type.Boolean({
      description: 'As many submitted reviews as the program’s reviewers per application (never fewer than 3)',
    }),
    assignments: Type.Array(ref(ReviewAssignmentSchema)),
  },
  { $id: 'AssignmentBoardRow', additionalProperties: false },
);

export const AssignmentBoardSchema = Type.Object(
  {
    programId: Uuid,
    items: Type.Array(ref(AssignmentBoardRowSchema)),
    reviewerLoads: Type.Array(
      Type.Object({ expertId: Uuid, expertName: Type.String(), active: Type.Integer(), submitted: Type.Integer() }),
    ),
  },
  { $id: 'AssignmentBoard', additionalProperties: false },
);

export const AutoAssignResultSchema = Type.Object(
  {
    created: Type.Integer(),
    conflictsExcluded: Type.Integer({ description: 'Reviewer–application pairs left out because of a conflict' }),
    shortfalls: Type.Array(
      Type.Object({ applicationId: Uuid, needed: Type.Integer(), assigned: Type.Integer(), reason: Type.String() }),
    ),
  },
  { $id: 'AutoAssignResult', additionalProperties: false },
);

export const ManualAssignmentSchema = Type.Object(
  {
    applicationId: Uuid,
    expertId: Uuid,
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why staff assign by hand; logged' }),
  },
  { $id: 'ManualAssignment', additionalProperties: false },
);

export const RecusalRequestSchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { $id: 'RecusalRequest', additionalProperties: false },
);

export const DeclarationSchema = Type.Object(
  {
    societyIds: Type.Array(Uuid, { uniqueItems: true, maxItems: 100 }),
    note: Nullable(Type.String({ maxLength: 2000 })),
  },
  { $id: 'Declaration', additionalProperties: false, description: 'Declaration of interest for one program' },
);
export const DeclarationResultSchema = Type.Object(
  {
    programId: Uuid,
    societyIds: Type.Array(Uuid),
    note: Nullable(Type.String()),
    declaredAt: Nullable(Timestamp),
    recused: Type.Integer({ description: 'Assignments given up because of this declaration' }),
  },
  { $id: 'DeclarationResult', additionalProperties: false },
);

export const MyReviewPutSchema = Type.Object(
  {
    scores: Type.Array(ref(CriterionScoreSchema), { maxItems: 20 }),
    justification: Type.String({
      maxLength: 10_000,
      description: `At least ${MINIMUM_JUSTIFICATION_LENGTH} characters (after trimming) to submit; a draft may hold less`,
    }),
    submit: Type.Boolean({
      description: 'false saves a draft; true submits (all criteria and a justification needed)',
    }),
  },
  {
    $id: 'MyReviewPut',
    additionalProperties: false,
    // Submitting needs the justification's minimum length; a draft (submit: false) may be shorter.
    if: { properties: { submit: { const: true } }, required: ['submit'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
    then: { properties: { justification: { minLength: MINIMUM_JUSTIFICATION_LENGTH } } },
  },
);
export const DeclineSchema = Type.Object(
  {
    reason: ref(DeclineReasonSchema),
    note: Nullable(Type.String({ maxLength: 1000 })),
  },
  { $id: 'Decline', additionalProperties: false },
);

/** A review as the caller may see it: names only for staff; other reviewers' scores only after review closes. */
export const ReviewSchema = Type.Object(
  {
    id: Uuid,
    applicationId: Uuid,
    reviewer: Type.String({ description: 'The expert’s name for staff; “评审专家 A/B/…” for everyone else' }),
    mine: Type.Boolean(),
    status: ref(AssignmentStatusSchema),
    scores: Nullable(Type.Array(ref(CriterionScoreSchema))),
    total: Nullable(Type.Number()),
    justification: Nullable(Type.String()),
    submittedAt: Nullable(Timestamp),
  },
  { $id: 'Review', additionalProperties: false },
);
export const ReviewListSchema = Type.Object(
  {
    items: Type.Array(ref(ReviewSchema)),
    hidden: Type.Integer({ description: 'Reviews not shown to this caller until review closes' }),
  },
  { $id: 'ReviewList', additionalProperties: false },
);

export const QueueItemSchema = Type.Object(
  {
    assignmentId: Uuid,
    applicationId: Uuid,
    programId: Uuid,
    programName: Type.String(),
    programStatus: ref(ProgramStatusSchema),
    rubric: Type.Array(ref(RubricCriterionSchema)),
    title: Type.String(),
    societyName: Type.String(),
    categoryCode: Type.String(),
    requestedFen: Type.Integer(),
    status: ref(AssignmentStatusSchema),
    scores: Nullable(Type.Array(ref(CriterionScoreSchema))),
    total: Nullable(Type.Number()),
    justification: Nullable(Type.String()),
    submittedAt: Nullable(Timestamp),
  },
  { $id: 'ReviewQueueItem', additionalProperties: false },
);
export const QueueSchema = Type.Object(
  { items: Type.Array(ref(QueueItemSchema)), nextCursor: Nullable(Type.String()) },
  { $id: 'ReviewQueue', additionalProperties: false },
);

export type ReviewAssignment = Static<typeof ReviewAssignmentSchema>;

export const reviewSchemas = [
  CriterionScoreSchema,
  AssignmentStatusSchema,
  DeclineReasonSchema,
  ConflictSchema,
  ReviewAssignmentSchema,
  AssignmentBoardRowSchema,
  AssignmentBoardSchema,
  AutoAssignResultSchema,
  ManualAssignmentSchema,
  RecusalRequestSchema,
  DeclarationSchema,
  DeclarationResultSchema,
  MyReviewPutSchema,
  DeclineSchema,
  ReviewSchema,
  ReviewListSchema,
  QueueItemSchema,
  QueueSchema,
];
