import { ANNUAL_REPORT_STATUSES, INSPECTION_RESULTS } from '@society-hub/domain';
import { Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';
import { SocietyStatusSchema } from '../societies/societies.schemas';

const count = (description?: string) =>
  Type.Integer({ minimum: 0, maximum: 10_000_000, ...(description ? { description } : {}) });
const fen = (description: string) => Type.Integer({ minimum: 0, maximum: 10_000_000_000_000, description });

export const AnnualReportContentSchema = Type.Object(
  {
    members: Type.Object(
      {
        individual: count('Individual members at year end'),
        institutional: count('Institutional members'),
        newIndividual: count('Joined during the year (part of individual)'),
        student: count('Students (part of individual)'),
        youth: count('Under 40 (part of individual)'),
      },
      { additionalProperties: false },
    ),
    activities: Type.Object(
      {
        academicExchanges: count('Academic exchanges held'),
        academicParticipants: count(),
        popularisationEvents: count('Science popularisation events'),
        popularisationParticipants: count(),
        advisoryReports: count('Advisory reports submitted (建言献策)'),
        advisoryAdopted: count('Of which adopted or endorsed'),
        brandEvents: count('Brand events (品牌活动)'),
        brandParticipants: count(),
      },
      { additionalProperties: false },
    ),
    finances: Type.Object(
      {
        incomeDuesFen: fen('Membership dues'),
        incomeGovernmentFen: fen('Government grants'),
        incomeServicesFen: fen('Services'),
        incomeDonationsFen: fen('Donations'),
        incomeOtherFen: fen('Other income'),
        incomeTotalFen: fen('Must equal the sum of the income lines'),
        expenditureFen: fen('Total expenditure'),
      },
      { additionalProperties: false },
    ),
    staff: Type.Object({ fullTime: count(), partTime: count() }, { additionalProperties: false }),
    memberHome: Type.Object(
      {
        fixedPlace: Type.Boolean(),
        facilities: Type.Boolean(),
        staff: Type.Boolean(),
        funding: Type.Boolean(),
        rules: Type.Boolean(),
      },
      { additionalProperties: false, description: 'The "member home" standard (会员之家)' },
    ),
  },
  { $id: 'AnnualReportContent', additionalProperties: false },
);

export const InspectionResultSchema = Type.Enum(INSPECTION_RESULTS, {
  $id: 'InspectionResult',
  description: 'pass 合格 / basic_pass 基本合格 / fail 不合格 / absent 未参检',
});

export const InspectionSchema = Type.Object(
  {
    societyId: Uuid,
    year: Type.Integer(),
    result: ref(InspectionResultSchema),
    comments: Nullable(Type.String()),
    recordedBy: Nullable(Type.String()),
    recordedAt: Timestamp,
    version: Type.Integer({ minimum: 1 }),
  },
  { $id: 'Inspection', additionalProperties: false },
);

export const InspectionPutSchema = Type.Object(
  {
    result: ref(InspectionResultSchema),
    comments: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { $id: 'InspectionPut', additionalProperties: false },
);

export const AnnualReportSchema = Type.Object(
  {
    id: Uuid,
    societyId: Uuid,
    societyName: Type.String(),
    year: Type.Integer(),
    status: Type.Enum(ANNUAL_REPORT_STATUSES, {
      description:
        'draft: still being filled in; submitted: filed for review; returned: sent back for correction (退回修改, see …/returns), counts as not filed until filed again with submit',
    }),
    content: ref(AnnualReportContentSchema),
    dueOn: DateString,
    submittedAt: Nullable(Timestamp),
    inspection: Nullable(ref(InspectionSchema)),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'AnnualReport', additionalProperties: false },
);

export const AnnualReportCreateSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    content: ref(AnnualReportContentSchema),
    submit: Type.Optional(Type.Boolean({ description: 'File it for review now (else it stays a draft)' })),
  },
  { $id: 'AnnualReportCreate', additionalProperties: false },
);

export const AnnualReportPutSchema = Type.Object(
  {
    content: ref(AnnualReportContentSchema),
    submit: Type.Optional(
      Type.Boolean({
        description:
          'File it for review: a draft, or a returned report filed again after correction (only by its society, by the return’s deadline)',
      }),
    ),
  },
  { $id: 'AnnualReportPut', additionalProperties: false },
);

export const AnnualReportPageSchema = pageOf(AnnualReportSchema, 'AnnualReportPage');

export const ReportQueueQuerySchema = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    status: Type.Optional(Type.Enum(ANNUAL_REPORT_STATUSES)),
    inspected: Type.Optional(
      Type.Boolean({ description: 'false: submitted reports still waiting for their inspection result' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const YearParams = Type.Object({ id: Uuid, year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

export const DisqualificationCandidateSchema = Type.Object(
  {
    society: Type.Object(
      { id: Uuid, name: Type.String(), status: ref(SocietyStatusSchema) },
      { additionalProperties: false },
    ),
    level: Type.Enum(['warning', 'candidate'], {
      description: 'candidate: on the list (发函解除资格); warning: one bad year so far',
    }),
    evidence: Type.Array(
      Type.Object(
        {
          kind: Type.Enum(['inspection', 'dormant']),
          year: Type.Optional(Type.Integer()),
          result: Type.Optional(ref(InspectionResultSchema)),
          since: Type.Optional(DateString),
          message: Type.String(),
          messageZh: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'DisqualificationCandidate', additionalProperties: false },
);

export const DisqualificationListSchema = Type.Object(
  {
    items: Type.Array(ref(DisqualificationCandidateSchema)),
    nextCursor: Nullable(Type.String()),
    assessedOn: DateString,
  },
  { $id: 'DisqualificationList', additionalProperties: false },
);

export const reportSchemas = [
  AnnualReportContentSchema,
  InspectionResultSchema,
  InspectionSchema,
  InspectionPutSchema,
  AnnualReportSchema,
  AnnualReportCreateSchema,
  AnnualReportPutSchema,
  AnnualReportPageSchema,
  DisqualificationCandidateSchema,
  DisqualificationListSchema,
];
