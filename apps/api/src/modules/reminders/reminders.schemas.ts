import { REMINDER_KINDS } from '@society-hub/domain';
import { type Static, Type } from 'typebox';
import { DateString, Nullable, ref, Uuid } from '../../lib/schemas';

export const ReminderKindSchema = Type.Enum(REMINDER_KINDS, {
  $id: 'ReminderKind',
  description:
    'annual_report 年度报告 / reelection 换届 / review 评审 / project_report 项目结项 / pilot_milestone 试点节点',
});

export const ReminderSchema = Type.Object(
  {
    kind: ref(ReminderKindSchema),
    urgency: Type.Enum(['overdue', 'due_soon'], { description: 'overdue 已逾期 / due_soon 即将到期' }),
    dueOn: Type.Union([DateString, Type.Null()], {
      description:
        'Null for reviews: a funding program sets no review deadline, so a review stays due soon while its program is in review',
    }),
    daysLeft: Nullable(Type.Integer({ description: 'Negative when overdue; null when there is no due date' })),
    count: Type.Integer({
      minimum: 1,
      description: 'How many things this reminder stands for: staff get one line per kind for all societies',
    }),
    society: Nullable(Type.Object({ id: Uuid, name: Type.String() }, { additionalProperties: false })),
    subject: Nullable(Type.String({ description: 'The application, program, pilot or milestone named' })),
    year: Nullable(Type.Integer({ description: 'For annual reports: the year reported on' })),
    resourceType: Type.String(),
    resourceId: Nullable(Type.String()),
    path: Type.String({
      description:
        'Where the console shows it; for a line standing for several (count > 1), the list of exactly those where one exists (e.g. /societies?annualReportMissing=2025)',
    }),
    message: Type.String({ description: 'In English; the console words it from the other fields' }),
  },
  { $id: 'Reminder', additionalProperties: false },
);
export type Reminder = Static<typeof ReminderSchema>;

export const ReminderListSchema = Type.Object(
  {
    asOf: DateString,
    withinDays: Type.Integer(),
    items: Type.Array(ref(ReminderSchema), { description: 'Overdue first, then soonest due' }),
  },
  { $id: 'ReminderList', additionalProperties: false },
);

export const ReminderQuerySchema = Type.Object(
  {
    withinDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 365, description: 'Default from configuration (30)' }),
    ),
  },
  { additionalProperties: false },
);

export const reminderSchemas = [ReminderKindSchema, ReminderSchema, ReminderListSchema];
