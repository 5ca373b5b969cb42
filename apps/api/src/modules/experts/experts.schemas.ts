import { EXPERT_POOLS, PHONE_PATTERN } from '@society-hub/domain';
import { Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';

export const ExpertPoolSchema = Type.Enum(EXPERT_POOLS, {
  $id: 'ExpertPool',
  description: 'science_technology 科技专家库 / popularisation 科普专家库',
});
export const ExpertTitleSchema = Type.Enum(['senior', 'associate_senior'], {
  $id: 'ExpertTitle',
  description: 'Experts hold a senior title: senior 正高级 or associate_senior 副高级',
});

const editable = {
  name: Type.String({ minLength: 1, maxLength: 50 }),
  gender: Nullable(Type.Enum(['male', 'female'])),
  birthDate: Nullable(DateString),
  phone: Nullable(
    Type.String({
      pattern: PHONE_PATTERN,
      description: 'A mainland mobile (13800138000, +8613800138000) or a landline with its area code (010-12345678)',
    }),
  ),
  email: Nullable(Type.String({ format: 'email', maxLength: 200 })),
  employer: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
  titleLevel: ref(ExpertTitleSchema),
  disciplines: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
    minItems: 1,
    maxItems: 20,
    uniqueItems: true,
  }),
  pools: Type.Array(ref(ExpertPoolSchema), { minItems: 1, uniqueItems: true }),
  societyIds: Type.Array(Uuid, {
    uniqueItems: true,
    maxItems: 50,
    description:
      'Societies the expert belongs to: the funding module recuses them from those societies’ applications. A caller bound to societies names only its own, at least one; the affiliations it cannot see stay as they were',
  }),
  available: Type.Boolean({ description: 'Available for review assignments' }),
  externalRef: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
};

export const ExpertSchema = Type.Object(
  {
    id: Uuid,
    ...editable,
    phone: Nullable(Type.String({ description: 'Masked in lists' })),
    idNumberMasked: Nullable(Type.String()),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Expert', additionalProperties: false },
);

const idNumber = Type.String({
  minLength: 1,
  maxLength: 30,
  writeOnly: true,
  description: 'Resident ID number; write-only',
});
const { name, titleLevel, disciplines, pools, ...optional } = editable;

export const ExpertCreateSchema = Type.Object(
  {
    name,
    titleLevel,
    disciplines,
    pools,
    idNumber: Type.Optional(Nullable(idNumber)),
    ...Type.Partial(Type.Object(optional)).properties,
  },
  { $id: 'ExpertCreate', additionalProperties: false },
);

export const ExpertPatchSchema = Type.Object(
  { ...Type.Partial(Type.Object(editable)).properties, idNumber: Type.Optional(Nullable(idNumber)) },
  { $id: 'ExpertPatch', additionalProperties: false },
);

export const ExpertPageSchema = pageOf(ExpertSchema, 'ExpertPage');

export const ExpertListQuerySchema = Type.Object(
  {
    pool: Type.Optional(ref(ExpertPoolSchema)),
    discipline: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    titleLevel: Type.Optional(ref(ExpertTitleSchema)),
    societyId: Type.Optional(Uuid),
    available: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Substring of the name or employer' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ExpertImportRequestSchema = Type.Object(
  {
    rows: Type.Array(Type.Unknown({ description: 'An ExpertCreate object; each row is validated on its own' }), {
      minItems: 1,
      maxItems: 1000,
    }),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { $id: 'ExpertImportRequest', additionalProperties: false },
);

export const expertSchemas = [
  ExpertPoolSchema,
  ExpertTitleSchema,
  ExpertSchema,
  ExpertCreateSchema,
  ExpertPatchSchema,
  ExpertPageSchema,
  ExpertImportRequestSchema,
];
