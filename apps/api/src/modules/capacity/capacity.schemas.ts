import { CAPABILITIES, CAPACITY_TIERS } from '@society-hub/domain';
import { Type } from 'typebox';
import { DateString, Nullable, ref, Uuid } from '../../lib/schemas';

const scores = Type.Object(
  Object.fromEntries(CAPABILITIES.map((c) => [c, Type.Number({ minimum: 0, maximum: 100 })])),
  {
    additionalProperties: false,
    description:
      'organisation 组织建设 / member_service 会员服务 / academic_exchange 学术交流 / service_to_society 服务社会和政府 / advisory 建言献策 / brand 品牌活动',
  },
);

export const CapacityTierSchema = Type.Enum(CAPACITY_TIERS, {
  $id: 'CapacityTier',
  description: 'A sound and highly active / B sound, ordinary / C incomplete, irregular / D stagnant',
});

export const CapacityContributionSchema = Type.Object(
  {
    capability: Type.Enum(CAPABILITIES),
    input: Type.String(),
    label: Type.String(),
    labelZh: Type.String(),
    value: Type.Union([Type.Number(), Type.Boolean(), Type.Null()]),
    target: Type.Union([Type.Number(), Type.Boolean()], { description: 'The value that earns the full points' }),
    points: Type.Number(),
    maxPoints: Type.Number(),
  },
  { $id: 'CapacityContribution', additionalProperties: false },
);

export const CapacitySchema = Type.Object(
  {
    societyId: Uuid,
    computedOn: DateString,
    reportYear: Nullable(
      Type.Integer({
        description:
          'The annual report the activity inputs come from: the activities recorded for that year when there are any, else the report’s own totals',
      }),
    ),
    subScores: scores,
    weights: scores,
    total: Type.Number({ minimum: 0, maximum: 100 }),
    tier: ref(CapacityTierSchema),
    tierReason: Type.String(),
    tierReasonZh: Type.String(),
    contributions: Type.Array(ref(CapacityContributionSchema)),
    history: Type.Array(
      Type.Object(
        { year: Type.Integer(), total: Type.Number(), tier: ref(CapacityTierSchema), subScores: scores },
        { additionalProperties: false },
      ),
      { description: 'One snapshot per year, oldest first, for trends' },
    ),
  },
  { $id: 'Capacity', additionalProperties: false },
);

export const capacitySchemas = [CapacityTierSchema, CapacityContributionSchema, CapacitySchema];
