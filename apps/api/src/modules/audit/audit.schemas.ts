import { Type } from 'typebox';
import { DateString, Nullable, PageQuery, pageOf, Timestamp, Uuid } from '../../lib/schemas';

export const AuditEntrySchema = Type.Object(
  {
    seq: Type.Integer({ description: 'Position in the chain' }),
    id: Uuid,
    at: Timestamp,
    actor: Type.Object(
      {
        kind: Type.Enum(['user', 'client', 'system']),
        id: Nullable(Type.String()),
        name: Nullable(Type.String()),
      },
      { additionalProperties: false },
    ),
    action: Type.String({ description: 'e.g. society.update, user.password_reset' }),
    resourceType: Type.String(),
    resourceId: Type.String(),
    societyId: Nullable(Uuid),
    before: Type.Unknown({ description: 'The resource before the change (personal fields masked)' }),
    after: Type.Unknown({ description: 'The resource after the change (personal fields masked)' }),
    requestId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    prevHash: Type.String(),
    hash: Type.String({ description: 'SHA-256 over prevHash and this entry' }),
  },
  { $id: 'AuditEntry', additionalProperties: false },
);

export const AuditPageSchema = pageOf(AuditEntrySchema, 'AuditEntryPage');

export const AuditQuerySchema = Type.Object(
  {
    resourceType: Type.Optional(Type.String({ maxLength: 50 })),
    resourceId: Type.Optional(Type.String({ maxLength: 100 })),
    actorId: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100, description: 'Exact action, or a prefix ending in *' })),
    societyId: Type.Optional(Uuid),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AuditVerificationSchema = Type.Object(
  {
    ok: Type.Boolean(),
    checked: Type.Integer({ description: 'Entries checked' }),
    headSeq: Nullable(Type.Integer()),
    headHash: Nullable(Type.String({ description: 'Keep it elsewhere to detect a truncated tail later' })),
    brokenAt: Nullable(
      Type.Object(
        {
          seq: Type.Integer(),
          reason: Type.Enum(['altered', 'missing_before']),
          detail: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { $id: 'AuditVerification', additionalProperties: false },
);

export const auditSchemas = [AuditEntrySchema, AuditPageSchema, AuditVerificationSchema];
