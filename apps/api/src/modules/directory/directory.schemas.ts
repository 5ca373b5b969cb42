import { Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, ref, Uuid } from '../../lib/schemas';
import { ProgramCategorySchema } from '../funding/funding.schemas';
import { DisciplineSchema, SocietyTypeSchema } from '../societies/societies.schemas';

/**
 * What the public may know of a society: its registry identity and the contacts it publishes. No
 * officers' names, no legal representative, no credit code, no governance or membership data.
 */
export const PublicSocietySchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    nameEn: Nullable(Type.String()),
    type: ref(SocietyTypeSchema),
    discipline: ref(DisciplineSchema),
    supportingUnit: Nullable(Type.String({ description: '挂靠单位; null: none' })),
    foundedOn: Nullable(DateString),
    evaluationGrade: Nullable(Type.Integer({ minimum: 1, maximum: 5, description: '社会组织评估等级 1A–5A' })),
    website: Nullable(Type.String()),
    officeAddress: Nullable(Type.String()),
    contact: Type.Object(
      {
        person: Nullable(Type.String()),
        phone: Nullable(Type.String()),
        email: Nullable(Type.String()),
      },
      { additionalProperties: false, description: 'The society’s published office contact' },
    ),
  },
  { $id: 'PublicSociety', additionalProperties: false },
);
export const PublicSocietyPageSchema = pageOf(PublicSocietySchema, 'PublicSocietyPage');

export const PublicSocietyQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the Chinese or English name' })),
    type: Type.Optional(ref(SocietyTypeSchema)),
    discipline: Type.Optional(ref(DisciplineSchema)),
    ...PageQuery,
  },
  { additionalProperties: false },
);

/** An open call as applicants need to see it: no rubric, reviewers or internal settings. */
export const PublicFundingProgramSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    year: Type.Integer(),
    description: Nullable(Type.String()),
    opensOn: DateString,
    closesOn: DateString,
    totalBudgetFen: Type.Integer({ minimum: 0 }),
    categories: Type.Array(ref(ProgramCategorySchema)),
  },
  { $id: 'PublicFundingProgram', additionalProperties: false },
);
export const PublicFundingProgramPageSchema = pageOf(PublicFundingProgramSchema, 'PublicFundingProgramPage');
export const PublicFundingProgramQuerySchema = Type.Object(PageQuery, { additionalProperties: false });

export const directorySchemas = [
  PublicSocietySchema,
  PublicSocietyPageSchema,
  PublicFundingProgramSchema,
  PublicFundingProgramPageSchema,
];
