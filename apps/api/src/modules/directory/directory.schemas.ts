import { Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, ref, Uuid } from '../../lib/schemas';
import { PublicActivitySchema } from '../activities/activities.schemas';
import { ProgramCategorySchema } from '../funding/funding.schemas';
import { DisciplineSchema, PartyOrganisationSchema, SocietyTypeSchema } from '../societies/societies.schemas';

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

/**
 * A society's own public page (as the Jining platform gave each society a page of its own): the
 * directory entry, plus facts the Association publishes anyway — its party-organisation form, its
 * evaluation grade with its date, the size of its membership as a range (an exact count is internal
 * and would change the page with every new member), its funded projects (already public through the
 * notice, 公示), the activities it has published (学会动态) and the calls it may apply to now.
 */
export const PublicSocietyProfileSchema = Type.Object(
  {
    ...PublicSocietySchema.properties,
    partyOrganisation: ref(PartyOrganisationSchema),
    evaluationGradeOn: Nullable(DateString),
    memberCount: Nullable(
      Type.Object(
        {
          atLeast: Type.Integer({ minimum: 1 }),
          below: Nullable(Type.Integer({ description: 'Exclusive upper bound; null: no upper bound' })),
        },
        {
          additionalProperties: false,
          description:
            'Active members kept on the platform, as a range (1–99, 100–499, 500–999, 1000–4999, 5000+); null when none are kept here',
        },
      ),
    ),
    fundedProjects: Type.Array(
      Type.Object(
        {
          title: Type.String(),
          programName: Type.String(),
          year: Type.Integer(),
          categoryName: Type.String(),
          grantedFen: Type.Integer({ minimum: 0 }),
          status: Type.Enum(['funded', 'reported', 'closed'], {
            description: 'funded 已资助 / reported 已结项报告 / closed 已结项',
          }),
        },
        { additionalProperties: false },
      ),
      { description: 'Projects of the society funded by the Association, newest call first (at most 20)' },
    ),
    recentActivities: Type.Array(ref(PublicActivitySchema), {
      description: 'The society’s latest activities it has published (学会动态), newest first (at most 10)',
    }),
    openCalls: Type.Array(
      Type.Object({ id: Uuid, name: Type.String(), closesOn: DateString }, { additionalProperties: false }),
      { description: 'Funding calls open for applications now (as /v1/public/funding-programs lists them)' },
    ),
  },
  { $id: 'PublicSocietyProfile', additionalProperties: false },
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
  PublicSocietyProfileSchema,
  PublicFundingProgramSchema,
  PublicFundingProgramPageSchema,
];
