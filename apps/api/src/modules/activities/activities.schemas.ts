import { ACTIVITY_KINDS, ADVISORY_LEVELS, ADVISORY_OUTCOMES } from '@society-hub/domain';
import { Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';

export const ActivityKindSchema = Type.Enum(ACTIVITY_KINDS, {
  $id: 'ActivityKind',
  description:
    'academic_conference 学术会议 / lecture 学术报告、讲座 / training 培训 / popularisation 科普活动 / advisory_report 建言献策 / brand_event 品牌活动 / international_exchange 国际交流 / other 其他',
});
export const AdvisoryOutcomeSchema = Type.Enum(ADVISORY_OUTCOMES, {
  $id: 'AdvisoryOutcome',
  description: 'instruction 领导批示 / adoption 采纳',
});
export const AdvisoryLevelSchema = Type.Enum(ADVISORY_LEVELS, {
  $id: 'AdvisoryLevel',
  description: 'national 国家级 / provincial 省级 / municipal 市级 / district 区县级',
});

const text = (max: number) => Nullable(Type.String({ minLength: 1, maxLength: max }));
const editable = {
  kind: ref(ActivityKindSchema),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  startOn: DateString,
  endOn: Type.String({ format: 'date', description: 'YYYY-MM-DD; the start date when the activity lasted one day' }),
  held: Type.Boolean({
    description: 'Held (已举办; the default) or planned (计划中). Only held activities are counted.',
  }),
  place: text(200),
  online: Type.Boolean({ description: 'Held online (线上), wholly or partly' }),
  organisers: text(500),
  partners: text(500),
  participants: Nullable(
    Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Participants or audience (人次)' }),
  ),
  note: text(2000),
  recipient: text(200),
  outcome: Nullable(ref(AdvisoryOutcomeSchema)),
  outcomeOn: Nullable(DateString),
  outcomeLevel: Nullable(ref(AdvisoryLevelSchema)),
  published: Type.Boolean({ description: 'Shown on the society’s public page (学会动态)' }),
  externalRef: text(100),
};

export const ActivitySchema = Type.Object(
  {
    id: Uuid,
    societyId: Uuid,
    ...editable,
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  {
    $id: 'Activity',
    additionalProperties: false,
    description:
      'An activity of a society. recipient, outcome, outcomeOn and outcomeLevel are an advisory report’s only.',
  },
);

const { kind, title, startOn, ...optionalOnCreate } = editable;

export const ActivityCreateSchema = Type.Object(
  { kind, title, startOn, ...Type.Partial(Type.Object(optionalOnCreate)).properties },
  {
    $id: 'ActivityCreate',
    additionalProperties: false,
    description:
      'An activity to record. An advisory report’s instruction or adoption needs its date and level; a held activity cannot end after today.',
  },
);

export const ActivityPatchSchema = Type.Object(Type.Partial(Type.Object(editable)).properties, {
  $id: 'ActivityPatch',
  additionalProperties: false,
  description: 'JSON merge patch; needs If-Match',
});

export const ActivityPageSchema = pageOf(ActivitySchema, 'ActivityPage');

const year = (description: string) => Type.Integer({ minimum: 2000, maximum: 2100, description });

export const ActivityListQuerySchema = Type.Object(
  {
    kind: Type.Optional(ref(ActivityKindSchema)),
    year: Type.Optional(year('Started in this year')),
    month: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 12, description: 'Started in this month (of the year, when given)' }),
    ),
    published: Type.Optional(Type.Boolean()),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Part of the title, place or organisers' }),
    ),
    sort: Type.Optional(Type.Enum(['-startOn', '-createdAt'], { default: '-startOn' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ActivityImportRequestSchema = Type.Object(
  {
    rows: Type.Array(Type.Unknown({ description: 'An ActivityCreate object; each row is validated on its own' }), {
      minItems: 1,
      maxItems: 1000,
    }),
    dryRun: Type.Optional(Type.Boolean({ description: 'Validate and match every row, write nothing' })),
  },
  { $id: 'ActivityImportRequest', additionalProperties: false },
);

const Totals = {
  activities: Type.Integer({ minimum: 0 }),
  participants: Type.Integer({ minimum: 0, description: 'Participants or audience (人次) where recorded' }),
};

export const ActivityStatisticsQuerySchema = Type.Object(
  {
    year: Type.Optional(year('The calendar year; this year by default')),
    societyId: Type.Optional(Type.String({ format: 'uuid', description: 'Drill down to one society' })),
  },
  { additionalProperties: false },
);

export const ActivityStatisticsSchema = Type.Object(
  {
    year: Type.Integer(),
    societyId: Nullable(Uuid),
    totals: Type.Object(Totals, { additionalProperties: false }),
    byKind: Type.Array(
      Type.Object(
        { kind: ref(ActivityKindSchema), ...Totals, withOutcome: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
      { description: 'Every kind, zeros included; withOutcome: advisory reports instructed or adopted' },
    ),
    byMonth: Type.Array(
      Type.Object({ month: Type.String({ description: 'YYYY-MM' }), ...Totals }, { additionalProperties: false }),
      { description: 'The twelve months of the year, zeros included' },
    ),
    bySociety: Type.Array(
      Type.Object({ societyId: Uuid, societyName: Type.String(), ...Totals }, { additionalProperties: false }),
      { description: 'Societies with held activities, the most active first' },
    ),
  },
  {
    $id: 'ActivityStatistics',
    additionalProperties: false,
    description: 'Held activities that started in the year, over the societies the caller may see',
  },
);

const figures = (description: string) =>
  Type.Object(
    {
      academicExchanges: Type.Integer({ minimum: 0 }),
      academicParticipants: Type.Integer({ minimum: 0 }),
      popularisationEvents: Type.Integer({ minimum: 0 }),
      popularisationParticipants: Type.Integer({ minimum: 0 }),
      advisoryReports: Type.Integer({ minimum: 0 }),
      advisoryAdopted: Type.Integer({ minimum: 0 }),
      brandEvents: Type.Integer({ minimum: 0 }),
      brandParticipants: Type.Integer({ minimum: 0 }),
    },
    { additionalProperties: false, description },
  );

export const AnnualActivityFiguresSchema = Type.Object(
  {
    societyId: Uuid,
    year: Type.Integer(),
    computed: figures('Counted from the held activities that started in the year'),
    reported: Nullable(figures('As typed in the year’s annual report; null without a report')),
    differences: Type.Array(
      Type.Object(
        { field: Type.String(), reported: Type.Integer(), computed: Type.Integer() },
        { additionalProperties: false },
      ),
      { description: 'Reported figures that differ from the computed ones' },
    ),
  },
  {
    $id: 'AnnualActivityFigures',
    additionalProperties: false,
    description:
      'Academic exchanges are conferences, lectures and international exchanges; training and other activities have no line in the report.',
  },
);

/** What the public page shows of a published activity: no note, recipient or outcome. */
export const PublicActivitySchema = Type.Object(
  {
    id: Uuid,
    kind: ref(ActivityKindSchema),
    title: Type.String(),
    startOn: DateString,
    endOn: DateString,
    held: Type.Boolean({ description: 'false: announced ahead (预告), not yet held' }),
    place: Nullable(Type.String()),
    online: Type.Boolean(),
    organisers: Nullable(Type.String()),
    participants: Nullable(Type.Integer({ minimum: 0 })),
  },
  { $id: 'PublicActivity', additionalProperties: false },
);

export const activitySchemas = [
  ActivityKindSchema,
  AdvisoryOutcomeSchema,
  AdvisoryLevelSchema,
  ActivitySchema,
  ActivityCreateSchema,
  ActivityPatchSchema,
  ActivityPageSchema,
  ActivityImportRequestSchema,
  ActivityStatisticsSchema,
  AnnualActivityFiguresSchema,
  PublicActivitySchema,
];
