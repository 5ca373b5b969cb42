import { PILOT_ELIGIBILITY_RULES, PILOT_MODES, PILOT_STATUSES } from '@society-hub/domain';
import { type Static, Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';

const text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

const FunctionCode = Type.String({
  pattern: '^[a-z][a-z0-9_]{1,49}$',
  description: 'Lower-case code, e.g. technology_evaluation',
});
const QualificationCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,49}$' });

export const PilotStatusSchema = Type.Enum(PILOT_STATUSES, {
  $id: 'PilotStatus',
  description:
    'proposed 已申报 / eligibility_review 资格审查 / approved 已批准 / rejected 未通过 / in_progress 实施中 / midterm_review 中期评估 / acceptance 验收 / completed 已完成 / terminated 已终止',
});
export const PilotModeSchema = Type.Enum(PILOT_MODES, {
  $id: 'PilotMode',
  description: 'whole 整体转移 / part 部分转移 / purchased_service 购买服务',
});

export const PilotFunctionSchema = Type.Object(
  {
    code: FunctionCode,
    name: Type.String(),
    nameEn: Nullable(Type.String()),
    description: Nullable(Type.String()),
    requiresGrade3A: Type.Boolean({ description: 'Whether a social-organisation evaluation grade of 3A+ is required' }),
    requiredQualifications: Type.Array(QualificationCode),
    active: Type.Boolean({ description: 'Inactive functions take no new proposals' }),
    version: Type.Integer(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'PilotFunction', additionalProperties: false },
);

export const PilotFunctionCreateSchema = Type.Object(
  {
    code: FunctionCode,
    name: text(100),
    nameEn: Type.Optional(Nullable(text(200))),
    description: Type.Optional(Nullable(text(2000))),
    requiresGrade3A: Type.Optional(Type.Boolean()),
    requiredQualifications: Type.Optional(Type.Array(QualificationCode, { maxItems: 20, uniqueItems: true })),
  },
  { $id: 'PilotFunctionCreate', additionalProperties: false },
);

export const PilotFunctionPatchSchema = Type.Object(
  {
    name: Type.Optional(text(100)),
    nameEn: Type.Optional(Nullable(text(200))),
    description: Type.Optional(Nullable(text(2000))),
    requiresGrade3A: Type.Optional(Type.Boolean()),
    requiredQualifications: Type.Optional(Type.Array(QualificationCode, { maxItems: 20, uniqueItems: true })),
    active: Type.Optional(Type.Boolean()),
  },
  { $id: 'PilotFunctionPatch', additionalProperties: false },
);

export const PilotFunctionListSchema = Type.Object(
  { items: Type.Array(ref(PilotFunctionSchema)) },
  { $id: 'PilotFunctionList', additionalProperties: false },
);

export const DeclaredQualificationSchema = Type.Object(
  { code: QualificationCode, evidence: text(500, 'Certificate, registration number or document') },
  { $id: 'DeclaredQualification', additionalProperties: false },
);

export const PilotPerformanceSchema = Type.Object(
  {
    milestonesDue: Type.Integer(),
    onTime: Type.Integer(),
    onTimeRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
    satisfaction: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
    score: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
    rating: Nullable(Type.Enum(['excellent', 'good', 'pass', 'poor'])),
  },
  { $id: 'PilotPerformance', additionalProperties: false },
);

export const PilotEvaluationSchema = Type.Object(
  {
    satisfaction: Type.Integer({ minimum: 0, maximum: 100, description: 'The department’s satisfaction, 0–100' }),
    comments: Nullable(Type.String({ maxLength: 4000 })),
    evaluatedAt: Timestamp,
    evaluatedBy: Nullable(Type.String()),
  },
  { $id: 'PilotEvaluation', additionalProperties: false },
);

export const PilotSchema = Type.Object(
  {
    id: Uuid,
    societyId: Uuid,
    societyName: Type.String(),
    functionCode: FunctionCode,
    functionName: Type.String(),
    department: Type.String({ description: 'The transferring government department' }),
    title: Type.String(),
    scope: Nullable(Type.String()),
    legalBasis: Nullable(Type.String()),
    mode: ref(PilotModeSchema),
    startsOn: DateString,
    endsOn: DateString,
    contractValueFen: Type.Integer({ minimum: 0 }),
    deliverables: Type.Array(Type.String()),
    qualifications: Type.Array(ref(DeclaredQualificationSchema)),
    status: ref(PilotStatusSchema),
    eligibilityOverride: Nullable(Type.String({ description: 'Why staff approved despite a failing check' })),
    evaluation: Nullable(ref(PilotEvaluationSchema)),
    performance: ref(PilotPerformanceSchema),
    version: Type.Integer(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Pilot', additionalProperties: false },
);
export type Pilot = Static<typeof PilotSchema>;

const pilotFields = {
  functionCode: FunctionCode,
  department: text(100),
  title: text(200),
  scope: Type.Optional(Nullable(text(4000))),
  legalBasis: Type.Optional(Nullable(text(2000))),
  mode: ref(PilotModeSchema),
  startsOn: DateString,
  endsOn: DateString,
  contractValueFen: Type.Integer({ minimum: 0, maximum: 100_000_000_000 }),
  deliverables: Type.Optional(Type.Array(text(500), { maxItems: 50 })),
  qualifications: Type.Optional(Type.Array(ref(DeclaredQualificationSchema), { maxItems: 20 })),
};

export const PilotCreateSchema = Type.Object(
  { societyId: Uuid, ...pilotFields },
  { $id: 'PilotCreate', additionalProperties: false },
);

export const PilotPatchSchema = Type.Object(
  {
    functionCode: Type.Optional(pilotFields.functionCode),
    department: Type.Optional(pilotFields.department),
    title: Type.Optional(pilotFields.title),
    scope: pilotFields.scope,
    legalBasis: pilotFields.legalBasis,
    mode: Type.Optional(pilotFields.mode),
    startsOn: Type.Optional(pilotFields.startsOn),
    endsOn: Type.Optional(pilotFields.endsOn),
    contractValueFen: Type.Optional(pilotFields.contractValueFen),
    deliverables: pilotFields.deliverables,
    qualifications: pilotFields.qualifications,
  },
  { $id: 'PilotPatch', additionalProperties: false, minProperties: 1 },
);

export const PilotPageSchema = pageOf(PilotSchema, 'PilotPage');

export const PilotListQuerySchema = Type.Object(
  {
    status: Type.Optional(ref(PilotStatusSchema)),
    functionCode: Type.Optional(FunctionCode),
    societyId: Type.Optional(Uuid),
    department: Type.Optional(text(100)),
    q: Type.Optional(text(100, 'Substring of the title or the society’s name')),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const PilotTransitionRequestSchema = Type.Object(
  {
    to: ref(PilotStatusSchema),
    reason: text(2000, 'Why; kept in the history and the audit log'),
    eligibilityOverride: Type.Optional(
      text(2000, 'Approving although a check fails: the reason staff record (logged). Staff only.'),
    ),
  },
  { $id: 'PilotTransitionRequest', additionalProperties: false },
);

export const PilotTransitionSchema = Type.Object(
  {
    id: Uuid,
    from: ref(PilotStatusSchema),
    to: ref(PilotStatusSchema),
    reason: Type.String(),
    actor: Nullable(Type.String()),
    at: Timestamp,
  },
  { $id: 'PilotTransition', additionalProperties: false },
);

export const PilotTransitionListSchema = Type.Object(
  { items: Type.Array(ref(PilotTransitionSchema)) },
  { $id: 'PilotTransitionList', additionalProperties: false },
);

export const EligibilityCheckSchema = Type.Object(
  {
    rule: Type.Enum(PILOT_ELIGIBILITY_RULES),
    passed: Type.Boolean(),
    explanation: Type.String(),
    values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
  },
  { $id: 'PilotEligibilityCheck', additionalProperties: false },
);

export const EligibilitySchema = Type.Object(
  {
    pilotId: Uuid,
    assessedOn: DateString,
    eligible: Type.Boolean(),
    checks: Type.Array(ref(EligibilityCheckSchema)),
  },
  { $id: 'PilotEligibility', additionalProperties: false },
);

export const MilestoneSchema = Type.Object(
  {
    id: Uuid,
    pilotId: Uuid,
    name: Type.String(),
    dueOn: DateString,
    doneOn: Nullable(DateString),
    evidence: Nullable(Type.String()),
    acceptedOn: Nullable(DateString),
    acceptedBy: Nullable(Type.String()),
    onTime: Nullable(Type.Boolean({ description: 'Done on or before the due date; null while not done' })),
    version: Type.Integer(),
  },
  { $id: 'PilotMilestone', additionalProperties: false },
);

export const MilestoneListSchema = Type.Object(
  { items: Type.Array(ref(MilestoneSchema)) },
  { $id: 'PilotMilestoneList', additionalProperties: false },
);

export const MilestoneCreateSchema = Type.Object(
  { name: text(200), dueOn: DateString },
  { $id: 'PilotMilestoneCreate', additionalProperties: false },
);

export const MilestonePatchSchema = Type.Object(
  {
    name: Type.Optional(text(200)),
    dueOn: Type.Optional(DateString),
    doneOn: Type.Optional(Nullable(DateString)),
    evidence: Type.Optional(Nullable(text(2000))),
    accepted: Type.Optional(Type.Boolean({ description: 'The department (or staff) accepts the milestone as done' })),
  },
  { $id: 'PilotMilestonePatch', additionalProperties: false, minProperties: 1 },
);

export const MilestoneParams = Type.Object({ id: Uuid, milestoneId: Uuid });
export const CodeParams = Type.Object({ code: FunctionCode });

export const EvaluationPutSchema = Type.Object(
  {
    satisfaction: Type.Integer({ minimum: 0, maximum: 100 }),
    comments: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  },
  { $id: 'PilotEvaluationPut', additionalProperties: false },
);

export const pilotSchemas = [
  PilotStatusSchema,
  PilotModeSchema,
  PilotFunctionSchema,
  PilotFunctionCreateSchema,
  PilotFunctionPatchSchema,
  PilotFunctionListSchema,
  DeclaredQualificationSchema,
  PilotPerformanceSchema,
  PilotEvaluationSchema,
  PilotSchema,
  PilotCreateSchema,
  PilotPatchSchema,
  PilotPageSchema,
  PilotTransitionRequestSchema,
  PilotTransitionSchema,
  PilotTransitionListSchema,
  EligibilityCheckSchema,
  EligibilitySchema,
  MilestoneSchema,
  MilestoneListSchema,
  MilestoneCreateSchema,
  MilestonePatchSchema,
  EvaluationPutSchema,
];
