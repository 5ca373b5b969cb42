import { COUNCIL_POSITIONS, GOVERNANCE_RULES } from '@society-hub/domain';
import { Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';

export const TermSchema = Type.Object(
  {
    id: Uuid,
    societyId: Uuid,
    sequence: Type.Integer({ minimum: 1, description: '第 N 届' }),
    startOn: DateString,
    endOn: DateString,
    representatives: Nullable(
      Type.Integer({ minimum: 0, description: 'Members’ representatives at the electing congress' }),
    ),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'GovernanceTerm', additionalProperties: false },
);

export const TermCreateSchema = Type.Object(
  {
    sequence: Type.Integer({ minimum: 1, maximum: 200 }),
    startOn: DateString,
    endOn: DateString,
    representatives: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
  },
  { $id: 'GovernanceTermCreate', additionalProperties: false },
);

export const TermPageSchema = pageOf(TermSchema, 'GovernanceTermPage');

export const CouncilPositionSchema = Type.Enum(COUNCIL_POSITIONS, {
  $id: 'CouncilPosition',
  description:
    'chair 理事长 / vice_chair 副理事长 / secretary_general 秘书长 / standing_director 常务理事 / director 理事 / chief_supervisor 监事长 / supervisor 监事',
});

const memberFields = {
  personName: Type.String({ minLength: 1, maxLength: 50 }),
  position: ref(CouncilPositionSchema),
  standing: Type.Boolean({ description: 'On the standing council (常务理事会)' }),
  frontline: Type.Boolean({ description: 'A frontline scientist or engineer (基层一线科技工作者)' }),
  birthYear: Nullable(Type.Integer({ minimum: 1900, maximum: 2100 })),
  employer: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
  official: Type.Boolean({ description: 'A serving or retired official holding the post (领导干部兼职)' }),
  approvalRef: Nullable(
    Type.String({ minLength: 1, maxLength: 100, description: 'Approval reference for an official' }),
  ),
};

export const CouncilMemberSchema = Type.Object(
  {
    id: Uuid,
    societyId: Uuid,
    termId: Uuid,
    ...memberFields,
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'CouncilMember', additionalProperties: false },
);

export const CouncilMemberCreateSchema = Type.Object(
  {
    termId: Type.Optional(Uuid),
    personName: memberFields.personName,
    position: memberFields.position,
    ...Type.Partial(
      Type.Object({
        standing: memberFields.standing,
        frontline: memberFields.frontline,
        birthYear: memberFields.birthYear,
        employer: memberFields.employer,
        official: memberFields.official,
        approvalRef: memberFields.approvalRef,
      }),
    ).properties,
  },
  { $id: 'CouncilMemberCreate', additionalProperties: false, description: 'termId defaults to the current term' },
);

export const CouncilMemberPatchSchema = Type.Object(Type.Partial(Type.Object(memberFields)).properties, {
  $id: 'CouncilMemberPatch',
  additionalProperties: false,
});

export const CouncilMemberPageSchema = pageOf(CouncilMemberSchema, 'CouncilMemberPage');

export const CouncilQuerySchema = Type.Object(
  { termId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);

export const MemberParams = Type.Object({ id: Uuid, memberId: Uuid });

export const RuleResultSchema = Type.Object(
  {
    rule: Type.Enum(GOVERNANCE_RULES),
    status: Type.Enum(['pass', 'warn', 'fail']),
    explanation: Type.String(),
    explanationZh: Type.String(),
  },
  { $id: 'GovernanceRuleResult', additionalProperties: false },
);

export const GovernanceReportSchema = Type.Object(
  {
    societyId: Uuid,
    termId: Nullable(Uuid),
    evaluatedOn: DateString,
    overall: Type.Enum(['pass', 'warn', 'fail']),
    results: Type.Array(ref(RuleResultSchema)),
  },
  { $id: 'GovernanceReport', additionalProperties: false },
);

export const governanceSchemas = [
  TermSchema,
  TermCreateSchema,
  TermPageSchema,
  CouncilPositionSchema,
  CouncilMemberSchema,
  CouncilMemberCreateSchema,
  CouncilMemberPatchSchema,
  CouncilMemberPageSchema,
  RuleResultSchema,
  GovernanceReportSchema,
];
