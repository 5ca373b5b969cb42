import { RETURN_STANDINGS, RETURN_WORKING_DAYS, RETURNABLE_RESOURCES } from '@society-hub/domain';
import { type Static, Type } from 'typebox';
import { DateString, Nullable, pageOf, ref, Timestamp, Uuid } from '../../lib/schemas';

export const ReturnCommentSchema = Type.Object(
  {
    section: Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'What the comment is about: a field’s JSON pointer into the record (e.g. /content/finances/incomeTotalFen, /budgetLines/0) or a section’s name (e.g. 财务情况)',
    }),
    comment: Type.String({ minLength: 1, maxLength: 2000, description: 'What to fix' }),
  },
  { $id: 'ReturnComment', additionalProperties: false },
);

export const ReturnRequestSchema = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'Why it goes back, in a sentence; kept in the history and the audit log',
    }),
    comments: Type.Array(ref(ReturnCommentSchema), {
      minItems: 1,
      maxItems: 200,
      description: 'What to fix, per field or section',
    }),
    deadline: Type.Optional(
      Type.String({
        format: 'date',
        description: `The last day (YYYY-MM-DD, Beijing) to file it again; today or later. Default: ${RETURN_WORKING_DAYS} working days after today on the working-day calendar (/v1/calendar/holidays: holidays and 调休 make-up days count as they fall)`,
      }),
    ),
  },
  { $id: 'ReturnRequest', additionalProperties: false },
);
export type ReturnRequest = Static<typeof ReturnRequestSchema>;

export const ReturnRoundSchema = Type.Object(
  {
    id: Uuid,
    resourceType: Type.Enum(RETURNABLE_RESOURCES),
    resourceId: Uuid,
    societyId: Uuid,
    round: Type.Integer({ minimum: 1, description: '1 for the first return of the record, then 2, 3…' }),
    reason: Type.String(),
    comments: Type.Array(ref(ReturnCommentSchema)),
    deadline: DateString,
    returnedBy: Nullable(
      Type.Object({ id: Nullable(Type.String()), username: Nullable(Type.String()) }, { additionalProperties: false }),
    ),
    returnedAt: Timestamp,
    resolvedAt: Nullable(Type.String({ format: 'date-time', description: 'When the society filed it again' })),
    expiredAt: Nullable(
      Type.String({
        format: 'date-time',
        description: 'When the missed deadline’s consequence was applied (an application rejected)',
      }),
    ),
    standing: Type.Enum(RETURN_STANDINGS, {
      description:
        'waiting: to be filed again by the deadline; resolved: filed again; overdue: the deadline passed with nothing filed — an annual report stays returned, counts as not filed for the inspection (only 未参检 can be recorded) and can no longer be filed again by the society; a final report is still owed (taken late, the project cannot close without it); expired: the consequence was applied — an application (in a closed call) is rejected once its deadline has passed, when it is next read or its program moves',
    }),
  },
  { $id: 'ReturnRound', additionalProperties: false },
);
export type ReturnRound = Static<typeof ReturnRoundSchema>;

export const ReturnRoundPageSchema = pageOf(ReturnRoundSchema, 'ReturnRoundPage');

export const returnSchemas = [ReturnCommentSchema, ReturnRequestSchema, ReturnRoundSchema, ReturnRoundPageSchema];
