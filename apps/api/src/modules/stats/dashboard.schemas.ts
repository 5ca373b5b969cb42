import {
  CAPACITY_TIERS,
  INSPECTION_RESULTS,
  PARTY_ORGANISATIONS,
  SOCIETY_STATUSES,
  SOCIETY_TYPES,
} from '@society-hub/domain';
import { type Static, type TSchema, Type } from 'typebox';
import { DateString, Nullable, ref, Uuid } from '../../lib/schemas';
import { ActivityStatisticsSchema } from '../activities/activities.schemas';
import { MemberStatsSchema } from '../members/member-stats';

const Count = Type.Integer({ minimum: 0 });
const counts = (keys: readonly string[], description?: string) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Count])), {
    additionalProperties: false,
    ...(description ? { description } : {}),
  });
const Share = Nullable(
  Type.Number({ minimum: 0, maximum: 1, description: 'A fraction, 0–1; null when nothing to divide by' }),
);
/** A section a caller may be refused by its scopes: null then, with why in the description. */
const Withheld = <T extends TSchema>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });
const SocietyRef = Type.Object(
  { id: Uuid, name: Type.String() },
  { $id: 'DashboardSociety', additionalProperties: false, description: 'A society named in a figure' },
);

export const DashboardSocietiesSchema = Type.Object(
  {
    total: Count,
    byStatus: counts(SOCIETY_STATUSES),
    byType: counts(SOCIETY_TYPES),
    byTier: counts(
      [...CAPACITY_TIERS, 'none'],
      'Active and dormant societies by the tier of their latest capacity snapshot; none = not yet assessed',
    ),
    tierByStatus: Type.Object(
      {
        active: counts([...CAPACITY_TIERS, 'none']),
        dormant: counts([...CAPACITY_TIERS, 'none']),
      },
      {
        additionalProperties: false,
        description: 'byTier split by status: each cell is exactly the list /v1/societies?status=<status>&tier=<tier>',
      },
    ),
  },
  { $id: 'DashboardSocieties', additionalProperties: false },
);

export const DashboardPartySchema = Type.Object(
  {
    societies: Type.Integer({ description: 'Active societies counted' }),
    covered: Type.Integer({ description: 'Of them, with a party organisation of any form' }),
    coverage: Share,
    byKind: counts(PARTY_ORGANISATIONS),
  },
  { $id: 'DashboardPartyOrganisation', additionalProperties: false },
);

export const DashboardInspectionYearSchema = Type.Object(
  {
    year: Type.Integer(),
    expected: Type.Integer({ description: 'Societies that should have been inspected for the year' }),
    ...counts(INSPECTION_RESULTS).properties,
    notRecorded: Count,
    participation: Share,
  },
  { $id: 'DashboardInspectionYear', additionalProperties: false },
);

export const DashboardReelectionSchema = Type.Object(
  {
    society: ref(SocietyRef),
    termEndsOn: DateString,
    daysLeft: Type.Integer({ description: 'Negative when overdue' }),
    overdue: Type.Boolean(),
  },
  { $id: 'DashboardReelection', additionalProperties: false },
);

export const DashboardReelectionsSchema = Type.Object(
  {
    warningDays: Type.Integer(),
    overdue: Count,
    dueSoon: Count,
    withoutTerm: Type.Integer({ description: 'Active or dormant societies with no recorded term' }),
    items: Type.Array(ref(DashboardReelectionSchema), { description: 'Overdue and due soon, soonest first' }),
  },
  { $id: 'DashboardReelections', additionalProperties: false },
);

export const DashboardDisqualificationSchema = Type.Object(
  {
    candidates: Type.Integer({ description: 'On the disqualification list (发函解除资格)' }),
    warned: Count,
    items: Type.Array(
      Type.Object(
        { society: ref(SocietyRef), level: Type.Union([Type.Literal('candidate'), Type.Literal('warning')]) },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'DashboardDisqualification', additionalProperties: false },
);

export const DashboardMemberSocietySchema = Type.Object(
  {
    society: ref(SocietyRef),
    total: Count,
    active: Count,
    ordinary: Count,
    senior: Count,
    student: Count,
    honorary: Count,
    joinedByYear: Type.Array(Type.Object({ year: Type.Integer(), joined: Count }, { additionalProperties: false }), {
      description: 'Members of this society joining each year of DashboardMembers.joinedByYear',
    }),
  },
  {
    $id: 'DashboardMemberSociety',
    additionalProperties: false,
    description:
      'Per society: members in all (total), active ones by category (each the list /v1/societies/{id}/members?status=active&category=…), and joiners per year',
  },
);

export const DashboardMembersSchema = Type.Object(
  {
    stats: ref(MemberStatsSchema),
    joinedByYear: Type.Array(Type.Object({ year: Type.Integer(), joined: Count }, { additionalProperties: false }), {
      description: 'Members (of any status now) joining each of the last five years; bySociety splits each year',
    }),
    bySociety: Type.Array(ref(DashboardMemberSocietySchema)),
  },
  { $id: 'DashboardMembers', additionalProperties: false },
);

export const DashboardFundingRowSchema = Type.Object(
  {
    programId: Uuid,
    programName: Type.String(),
    year: Type.Integer(),
    categoryCode: Type.String(),
    categoryName: Type.String(),
    applications: Type.Integer({ description: 'Submitted (not drafts, not withdrawn)' }),
    requestedFen: Type.Integer({ minimum: 0 }),
    funded: Count,
    grantedFen: Type.Integer({ minimum: 0, description: 'Allocated to approved and later applications' }),
  },
  { $id: 'DashboardFundingRow', additionalProperties: false },
);

export const DashboardPilotRowSchema = Type.Object(
  {
    functionCode: Type.String(),
    functionName: Type.String(),
    status: Type.String(),
    pilots: Count,
    contractValueFen: Type.Integer({ minimum: 0 }),
  },
  { $id: 'DashboardPilotRow', additionalProperties: false },
);

const ReturnCounts = {
  waiting: Type.Integer({ minimum: 0, description: 'Returned for correction, deadline not passed' }),
  overdue: Type.Integer({
    minimum: 0,
    description:
      'Returned, deadline passed, not filed again (annual reports; an application past its deadline is rejected when next read)',
  }),
};

export const DashboardReturnsSchema = Type.Object(
  {
    ...ReturnCounts,
    annualReports: Type.Object(ReturnCounts, { additionalProperties: false }),
    applications: Type.Object(ReturnCounts, { additionalProperties: false }),
    finalReports: Type.Object(ReturnCounts, { additionalProperties: false }),
  },
  {
    $id: 'DashboardReturns',
    additionalProperties: false,
    description: 'Records sent back for correction (退回修改) still waiting to be filed again',
  },
);

export const DashboardSchema = Type.Object(
  {
    asOf: DateString,
    societies: ref(DashboardSocietiesSchema),
    partyOrganisation: ref(DashboardPartySchema),
    inspections: Type.Array(ref(DashboardInspectionYearSchema), {
      description:
        'Of the last five inspection years, those from the first with any result recorded. A result counts whatever the society’s status now; notRecorded is exactly /v1/societies?inspectionYear=<year>&inspectionResult=not_recorded',
    }),
    reelections: ref(DashboardReelectionsSchema),
    returns: ref(DashboardReturnsSchema),
    disqualification: Nullable(ref(DashboardDisqualificationSchema)),
    members: Withheld(ref(DashboardMembersSchema), 'Null for a machine client without members:read'),
    funding: Withheld(
      Type.Array(ref(DashboardFundingRowSchema), { description: 'Per program and category, newest year first' }),
      'Per program and category, newest year first. Null for a machine client without funding:read',
    ),
    pilots: Withheld(
      Type.Array(ref(DashboardPilotRowSchema)),
      'Pilots by function and status. Null for a machine client without pilots:read',
    ),
    activities: Withheld(
      ref(ActivityStatisticsSchema),
      'This year’s held activities by kind, month and society, as /v1/activities/statistics answers it (which drills down by year and society); null where no record of activities is kept',
    ),
  },
  {
    $id: 'Dashboard',
    additionalProperties: false,
    description:
      'The figures the Association reports, over the caller’s societies. The route needs societies:read; a machine client gets the members, funding and pilot sections only with members:read, funding:read and pilots:read (null otherwise), and the disqualification list only when not bound to societies.',
  },
);
export type Dashboard = Static<typeof DashboardSchema>;

export const dashboardSchemas = [
  SocietyRef,
  DashboardSocietiesSchema,
  DashboardPartySchema,
  DashboardInspectionYearSchema,
  DashboardReelectionSchema,
  DashboardReelectionsSchema,
  DashboardReturnsSchema,
  DashboardDisqualificationSchema,
  DashboardMemberSocietySchema,
  DashboardMembersSchema,
  DashboardFundingRowSchema,
  DashboardPilotRowSchema,
  DashboardSchema,
];
