import { MEMBER_CATEGORIES, MEMBER_STATUSES, PHONE_PATTERN, TITLE_LEVELS } from '@society-hub/domain';
import { Type } from 'typebox';
import { DateString, FieldErrorSchema, Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';
import { MemberStatsSchema } from './member-stats';

export const MemberStatusSchema = Type.Enum(MEMBER_STATUSES, {
  $id: 'MemberStatus',
  description: 'applied 申请中 / active 正常 / rejected 未通过 / lapsed 欠费失效 / suspended 暂停 / withdrawn 退会',
});
export const MemberCategorySchema = Type.Enum(MEMBER_CATEGORIES, {
  $id: 'MemberCategory',
  description: 'ordinary 普通 / senior 资深 / student 学生 / honorary 荣誉',
});
export const TitleLevelSchema = Type.Enum(TITLE_LEVELS, {
  $id: 'TitleLevel',
  description: 'senior 正高级 / associate_senior 副高级 / intermediate 中级 / junior 初级 / none 无',
});

const text = (max: number) => Nullable(Type.String({ minLength: 1, maxLength: max }));
const editable = {
  name: Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'Person’s name, or the organisation’s for institutional members',
  }),
  gender: Nullable(Type.Enum(['male', 'female'])),
  birthDate: Nullable(DateString),
  phone: Nullable(
    Type.String({
      pattern: PHONE_PATTERN,
      description: 'A mainland mobile (13800138000, +8613800138000) or a landline with its area code (010-12345678)',
    }),
  ),
  email: Nullable(Type.String({ format: 'email', maxLength: 200 })),
  employer: text(200),
  titleLevel: ref(TitleLevelSchema),
  discipline: text(100),
  degree: text(50),
  category: ref(MemberCategorySchema),
  orgCreditCode: text(40),
  contactPerson: text(50),
  externalRef: Nullable(
    Type.String({ minLength: 1, maxLength: 100, description: 'The member’s id in the system it came from' }),
  ),
  joinedOn: Nullable(DateString),
};

export const MemberSchema = Type.Object(
  {
    id: Uuid,
    societyId: Uuid,
    kind: Type.Enum(['individual', 'institutional']),
    ...editable,
    phone: Nullable(Type.String({ description: 'Masked in lists (138****5678), in full on the member itself' })),
    idNumberMasked: Nullable(
      Type.String({ description: 'The resident ID number, masked; the full number is never returned' }),
    ),
    status: ref(MemberStatusSchema),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Member', additionalProperties: false },
);

const idNumber = Type.String({
  minLength: 1,
  maxLength: 30,
  writeOnly: true,
  description: 'Resident ID number (GB 11643); write-only, stored encrypted',
});

const { name: _name, ...optionalOnCreate } = editable;

export const MemberCreateSchema = Type.Object(
  {
    kind: Type.Enum(['individual', 'institutional']),
    name: editable.name,
    idNumber: Type.Optional(Nullable(idNumber)),
    status: Type.Optional(
      Type.Enum(['applied', 'active'], { description: 'applied: awaits the society’s approval (default active)' }),
    ),
    ...Type.Partial(Type.Object(optionalOnCreate)).properties,
  },
  { $id: 'MemberCreate', additionalProperties: false },
);

export const MemberPatchSchema = Type.Object(
  { ...Type.Partial(Type.Object(editable)).properties, idNumber: Type.Optional(Nullable(idNumber)) },
  {
    $id: 'MemberPatch',
    additionalProperties: false,
    description: 'JSON merge patch; status changes go through transitions',
  },
);

export const MemberPageSchema = pageOf(MemberSchema, 'MemberPage');

export const MemberListQuerySchema = Type.Object(
  {
    status: Type.Optional(ref(MemberStatusSchema)),
    category: Type.Optional(ref(MemberCategorySchema)),
    titleLevel: Type.Optional(ref(TitleLevelSchema)),
    kind: Type.Optional(Type.Enum(['individual', 'institutional'])),
    youth: Type.Optional(Type.Boolean({ description: 'Under 40 today' })),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 50,
        description:
          'Search: 1–2 characters match the start of the name (a surname, a short name); 3 or more match anywhere in the name or employer',
      }),
    ),
    sort: Type.Optional(Type.Enum(['-createdAt', 'name'], { default: '-createdAt' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const DuesSchema = Type.Object(
  {
    id: Uuid,
    memberId: Uuid,
    year: Type.Integer(),
    amountFen: Type.Integer({ minimum: 0 }),
    paidOn: DateString,
    createdAt: Timestamp,
  },
  { $id: 'DuesPayment', additionalProperties: false },
);

export const DuesCreateSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    amountFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    paidOn: DateString,
  },
  { $id: 'DuesPaymentCreate', additionalProperties: false },
);

export const DuesListSchema = Type.Object(
  { items: Type.Array(ref(DuesSchema)), nextCursor: Nullable(Type.String()) },
  { $id: 'DuesPaymentList', additionalProperties: false },
);

export const MemberImportRequestSchema = Type.Object(
  {
    rows: Type.Array(Type.Unknown({ description: 'A MemberCreate object; each row is validated on its own' }), {
      minItems: 1,
      maxItems: 1000,
    }),
    dryRun: Type.Optional(Type.Boolean({ description: 'Validate and match every row, write nothing' })),
  },
  { $id: 'MemberImportRequest', additionalProperties: false },
);

export const ImportResultSchema = Type.Object(
  {
    index: Type.Integer({ minimum: 0 }),
    outcome: Type.Enum(['created', 'updated', 'unchanged', 'error']),
    id: Type.Optional(Uuid),
    errors: Type.Optional(Type.Array(ref(FieldErrorSchema))),
  },
  { $id: 'ImportResult', additionalProperties: false },
);

export const ImportResponseSchema = Type.Object(
  {
    results: Type.Array(ref(ImportResultSchema)),
    summary: Type.Object(
      { created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), error: Type.Integer() },
      { additionalProperties: false },
    ),
    dryRun: Type.Boolean(),
  },
  { $id: 'ImportResponse', additionalProperties: false },
);

export const MembershipSchema = Type.Object(
  {
    memberId: Uuid,
    societyId: Uuid,
    societyName: Type.String(),
    status: ref(MemberStatusSchema),
    category: ref(MemberCategorySchema),
    joinedOn: Nullable(DateString),
    matchedBy: Type.Enum(['id_number', 'name_birth_date_phone'], {
      description: 'id_number: the same ID number; else the same name, birth date and phone (SPEC §2)',
    }),
  },
  { $id: 'Membership', additionalProperties: false },
);

export const MembershipListSchema = Type.Object(
  {
    items: Type.Array(ref(MembershipSchema), {
      description: 'The same person’s memberships of other societies the caller may see',
    }),
  },
  { $id: 'MembershipList', additionalProperties: false },
);

export const memberSchemas = [
  MembershipSchema,
  MembershipListSchema,
  MemberStatsSchema,
  MemberImportRequestSchema,
  ImportResultSchema,
  ImportResponseSchema,
  MemberStatusSchema,
  MemberCategorySchema,
  TitleLevelSchema,
  MemberSchema,
  MemberCreateSchema,
  MemberPatchSchema,
  MemberPageSchema,
  DuesSchema,
  DuesCreateSchema,
  DuesListSchema,
];
