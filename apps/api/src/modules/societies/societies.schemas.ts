import {
  DISCIPLINES,
  OFFICER_SOURCES,
  PARTY_ORGANISATIONS,
  SOCIETY_STATUSES,
  SOCIETY_TYPES,
} from '@society-hub/domain';
import { type Static, Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';

export const SocietyTypeSchema = Type.Enum(SOCIETY_TYPES, {
  $id: 'SocietyType',
  description: 'society 学会 / association 协会 / research_society 研究会',
});
export const DisciplineSchema = Type.Enum(DISCIPLINES, {
  $id: 'Discipline',
  description: 'science 理科 / engineering 工科 / agriculture 农科 / medicine 医科 / cross 交叉',
});
export const PartyOrganisationSchema = Type.Enum(PARTY_ORGANISATIONS, {
  $id: 'PartyOrganisation',
  description: 'none 未建立 / own_branch 单独组建 / joint_branch 联合组建 / instructor 选派党建指导员',
});
export const SocietyStatusSchema = Type.Enum(SOCIETY_STATUSES, {
  $id: 'SocietyStatus',
  description: 'preparing 筹建 / active 正常 / dormant 停滞 / disqualified 解除资格 / deregistered 注销',
});

const text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

/** Profile fields a society has besides its identity; all optional and nullable (null clears). */
const profile = {
  nameEn: Nullable(text(200, 'English name')),
  supportingUnit: Nullable(text(200, '挂靠单位; null means none (无挂靠)')),
  foundedOn: Nullable(DateString),
  officeAddress: Nullable(text(300)),
  contactPerson: Nullable(text(50)),
  contactPhone: Nullable(Type.String({ pattern: '^[0-9+()\\- ]{5,40}$', description: 'Digits, spaces, +()-' })),
  contactEmail: Nullable(Type.String({ format: 'email', maxLength: 200 })),
  legalRepresentative: Nullable(text(50, '法定代表人')),
  chairName: Nullable(text(50, '理事长')),
  secretaryGeneralName: Nullable(text(50, '秘书长')),
  secretaryGeneralFullTime: Nullable(
    Type.Boolean({ description: 'Whether the secretary-general is full-time (专职)' }),
  ),
  website: Nullable(Type.String({ pattern: '^https?://', maxLength: 300 })),
  partyOrganisationOn: Nullable(DateString),
  evaluationGrade: Nullable(
    Type.Integer({ minimum: 1, maximum: 5, description: '社会组织评估等级: 1–5 (1A–5A), valid five years' }),
  ),
  evaluationGradeOn: Nullable(DateString),
};

const creditCodeFields = {
  creditCode: Nullable(
    Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'Unified social credit code (统一社会信用代码, GB 32100-2015); null while preparing',
    }),
  ),
  creditCodeOverrideReason: Nullable(
    Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Admin only: accept a code that fails the check character or the 51 prefix, and why',
    }),
  ),
};

/** The same fields, each optional, for create and patch bodies. */
const optionalProfile = Type.Partial(Type.Object({ ...creditCodeFields, ...profile })).properties;

const OfficerStandingSchema = Type.Object(
  {
    name: Nullable(Type.String({ description: 'The name to show: the profile’s, else the current roster’s' })),
    source: Nullable(
      Type.Enum(OFFICER_SOURCES, {
        description:
          'profile: typed into the profile; roster: the current term’s council roster; roster_chair: the roster’s chair (the model charter makes the chair the legal representative)',
      }),
    ),
    rosterName: Nullable(
      Type.String({ description: 'What the current term’s roster names (for the legal representative: the chair)' }),
    ),
    mismatch: Type.Boolean({ description: 'The profile and the roster name different people; correct one of them' }),
  },
  { $id: 'OfficerStanding', additionalProperties: false },
);

export const SocietyOfficersSchema = Type.Object(
  {
    termSequence: Nullable(Type.Integer({ description: 'The term (第 N 届) whose roster was read; null without one' })),
    legalRepresentative: ref(OfficerStandingSchema),
    chair: ref(OfficerStandingSchema),
    secretaryGeneral: ref(OfficerStandingSchema),
  },
  {
    $id: 'SocietyOfficers',
    additionalProperties: false,
    description: 'Who leads the society: the profile’s names, completed and checked against the current term’s roster',
  },
);

export const SocietySchema = Type.Object(
  {
    id: Uuid,
    name: Type.String({ description: 'Registered Chinese name' }),
    type: ref(SocietyTypeSchema),
    discipline: ref(DisciplineSchema),
    ...creditCodeFields,
    ...profile,
    partyOrganisation: ref(PartyOrganisationSchema),
    status: ref(SocietyStatusSchema),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    officers: Type.Optional(ref(SocietyOfficersSchema)),
  },
  {
    $id: 'Society',
    additionalProperties: false,
    description: 'officers: on reading or updating one society (GET and PATCH /v1/societies/{id}), not in lists',
  },
);
export type Society = Static<typeof SocietySchema>;

export const SocietyCreateSchema = Type.Object(
  {
    name: text(100, 'Registered Chinese name'),
    type: ref(SocietyTypeSchema),
    discipline: ref(DisciplineSchema),
    partyOrganisation: Type.Optional(ref(PartyOrganisationSchema)),
    ...optionalProfile,
  },
  { $id: 'SocietyCreate', additionalProperties: false },
);

export const SocietyPatchSchema = Type.Object(
  {
    name: Type.Optional(text(100)),
    type: Type.Optional(ref(SocietyTypeSchema)),
    discipline: Type.Optional(ref(DisciplineSchema)),
    partyOrganisation: Type.Optional(ref(PartyOrganisationSchema)),
    ...optionalProfile,
  },
  {
    $id: 'SocietyPatch',
    additionalProperties: false,
    description: 'JSON merge patch: fields present are set, null clears; status changes go through transitions',
  },
);

export const SocietyPageSchema = pageOf(SocietySchema, 'SocietyPage');

export const SocietyListQuerySchema = Type.Object(
  {
    status: Type.Optional(ref(SocietyStatusSchema)),
    type: Type.Optional(ref(SocietyTypeSchema)),
    discipline: Type.Optional(ref(DisciplineSchema)),
    tier: Type.Optional(
      Type.Enum(['A', 'B', 'C', 'D', 'none'], {
        description: 'Capacity tier of the latest yearly snapshot; none = never assessed',
      }),
    ),
    partyOrganisation: Type.Optional(ref(PartyOrganisationSchema)),
    inspectionYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'With inspectionResult' })),
    inspectionResult: Type.Optional(
      Type.Enum(['pass', 'basic_pass', 'fail', 'absent', 'not_recorded'], {
        description:
          'The inspection result of inspectionYear (required with it); not_recorded = no result entered for a society that owed the inspection (active or dormant, founded by the end of that year), as the dashboard counts it',
      }),
    ),
    annualReportMissing: Type.Optional(
      Type.Integer({
        minimum: 2000,
        maximum: 2100,
        description:
          'Societies that owe the annual report of this year (active or dormant, founded by its end) and have not submitted it',
      }),
    ),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Substring of the name, English name or credit code' }),
    ),
    sort: Type.Optional(Type.Enum(['-createdAt', 'createdAt', 'name', '-updatedAt'], { default: '-createdAt' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ActorRefSchema = Type.Object(
  { id: Nullable(Uuid), username: Nullable(Type.String()) },
  { $id: 'ActorRef', additionalProperties: false },
);

export const SocietyTransitionSchema = Type.Object(
  {
    id: Uuid,
    from: ref(SocietyStatusSchema),
    to: ref(SocietyStatusSchema),
    reason: Type.String(),
    actor: Nullable(ref(ActorRefSchema)),
    at: Timestamp,
  },
  { $id: 'SocietyTransition', additionalProperties: false },
);
export type SocietyTransition = Static<typeof SocietyTransitionSchema>;

export const SocietyTransitionPageSchema = pageOf(SocietyTransitionSchema, 'SocietyTransitionPage');

export const societySchemas = [
  PartyOrganisationSchema,
  SocietyTypeSchema,
  DisciplineSchema,
  SocietyStatusSchema,
  OfficerStandingSchema,
  SocietyOfficersSchema,
  SocietySchema,
  SocietyCreateSchema,
  SocietyPatchSchema,
  SocietyPageSchema,
  ActorRefSchema,
  SocietyTransitionSchema,
  SocietyTransitionPageSchema,
];
