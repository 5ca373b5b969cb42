import { Type } from 'typebox';
import { DateString, Nullable, ref, Timestamp, Uuid } from '../../lib/schemas';

export const PublicNoticeItemSchema = Type.Object(
  {
    applicationId: Uuid,
    societyName: Type.String(),
    title: Type.String(),
    categoryCode: Type.String(),
    categoryName: Type.String(),
    allocatedFen: Type.Integer(),
  },
  { $id: 'PublicNoticeItem', additionalProperties: false },
);

/** What is under public notice (公示): readable by anyone, no reviewer names, no scores by reviewer. */
export const PublicNoticeSchema = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    year: Type.Integer(),
    startsOn: DateString,
    endsOn: DateString,
    acceptingObjections: Type.Boolean({ description: 'True while today lies in the notice period' }),
    totalFen: Type.Integer(),
    items: Type.Array(ref(PublicNoticeItemSchema)),
  },
  { $id: 'PublicNotice', additionalProperties: false },
);
export const PublicNoticeListSchema = Type.Object(
  { items: Type.Array(ref(PublicNoticeSchema)), nextCursor: Nullable(Type.String()) },
  { $id: 'PublicNoticeList', additionalProperties: false },
);

export const ObjectionCreateSchema = Type.Object(
  {
    applicationId: Nullable(Uuid),
    signerKind: Type.Enum(['person', 'unit'], { description: 'Signed by a person (实名) or a unit (单位)' }),
    signerName: Type.String({
      minLength: 2,
      maxLength: 100,
      description: 'Real name or unit name; anonymous objections are refused',
    }),
    contact: Type.String({
      minLength: 5,
      maxLength: 200,
      description: 'A mobile or landline number, or an e-mail address',
    }),
    content: Type.String({ minLength: 10, maxLength: 5000 }),
  },
  { $id: 'ObjectionCreate', additionalProperties: false },
);

export const ObjectionReceiptSchema = Type.Object(
  { id: Uuid, status: Type.Literal('open'), createdAt: Timestamp },
  { $id: 'ObjectionReceipt', additionalProperties: false, description: 'Filed; staff will resolve it' },
);

export const PublicObjectionSchema = Type.Object(
  {
    id: Uuid,
    noticeId: Uuid,
    status: Type.Enum(['open', 'upheld', 'dismissed']),
    createdAt: Timestamp,
    resolvedAt: Nullable(Timestamp),
  },
  {
    $id: 'PublicObjection',
    additionalProperties: false,
    description: 'Where a filed objection stands, for its signer: no content, signer or finding',
  },
);

export const ObjectionSchema = Type.Object(
  {
    id: Uuid,
    programId: Uuid,
    applicationId: Nullable(Uuid),
    applicationTitle: Nullable(Type.String()),
    signerKind: Type.Enum(['person', 'unit']),
    signerName: Type.String(),
    contact: Type.String({ description: 'Masked in lists' }),
    content: Type.String(),
    status: Type.Enum(['open', 'upheld', 'dismissed']),
    resolution: Nullable(Type.String()),
    resolvedBy: Nullable(Type.String()),
    resolvedAt: Nullable(Timestamp),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Timestamp,
  },
  { $id: 'Objection', additionalProperties: false },
);
export const ObjectionListSchema = Type.Object(
  { items: Type.Array(ref(ObjectionSchema)), nextCursor: Nullable(Type.String()) },
  { $id: 'ObjectionList', additionalProperties: false },
);
export const ObjectionResolutionSchema = Type.Object(
  {
    outcome: Type.Enum(['upheld', 'dismissed'], {
      description: 'upheld: the application named is rejected and its money released; dismissed: the decision stands',
    }),
    resolution: Type.String({ minLength: 1, maxLength: 5000, description: 'What was found; kept and audited' }),
    applicationId: Type.Optional(Nullable(Uuid)),
  },
  {
    $id: 'ObjectionResolution',
    additionalProperties: false,
    description:
      'applicationId: upholding an objection to the whole notice (one that names no project) must name the project under notice the finding concerns; it is rejected. Omit it otherwise.',
  },
);

export const noticeSchemas = [
  PublicNoticeItemSchema,
  PublicNoticeSchema,
  PublicNoticeListSchema,
  ObjectionCreateSchema,
  ObjectionReceiptSchema,
  PublicObjectionSchema,
  ObjectionSchema,
  ObjectionListSchema,
  ObjectionResolutionSchema,
];
