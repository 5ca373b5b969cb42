import { Type } from 'typebox';
import { Nullable, PageQuery, pageOf, Timestamp, Uuid } from '../../lib/schemas';

const Members = Type.Array(Uuid, {
  uniqueItems: true,
  maxItems: 200,
  description: 'Member societies; the lead is always one',
});

export const AllianceSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    leadSocietyId: Uuid,
    memberSocietyIds: Type.Array(Uuid),
    description: Nullable(Type.String()),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  {
    $id: 'Alliance',
    additionalProperties: false,
    description: '学会联合体: a named group of societies with a lead society',
  },
);

export const AllianceCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    leadSocietyId: Uuid,
    memberSocietyIds: Type.Optional(Members),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { $id: 'AllianceCreate', additionalProperties: false },
);

export const AlliancePatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    leadSocietyId: Type.Optional(Uuid),
    memberSocietyIds: Type.Optional(Members),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { $id: 'AlliancePatch', additionalProperties: false },
);

export const AlliancePageSchema = pageOf(AllianceSchema, 'AlliancePage');
export const AllianceQuerySchema = Type.Object(
  { societyId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);

export const allianceSchemas = [AllianceSchema, AllianceCreateSchema, AlliancePatchSchema, AlliancePageSchema];
