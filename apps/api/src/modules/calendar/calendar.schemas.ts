import { type Static, Type } from 'typebox';
import { DateString, Nullable, ref, Timestamp } from '../../lib/schemas';

export const HolidaySchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50, description: 'e.g. 国庆节' }),
    from: DateString,
    to: DateString,
  },
  { $id: 'Holiday', additionalProperties: false },
);

const yearFields = {
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  holidays: Type.Array(ref(HolidaySchema), { maxItems: 50 }),
  makeUpWorkdays: Type.Array(DateString, {
    maxItems: 50,
    uniqueItems: true,
    description: 'Weekend days that are working days (调休)',
  }),
  source: Nullable(Type.String({ maxLength: 500, description: 'Where the schedule comes from' })),
};

export const CalendarYearSchema = Type.Object(
  {
    ...yearFields,
    configured: Type.Boolean({ description: 'False: no schedule entered yet; only weekends count as days off' }),
    workingDays: Type.Integer({ minimum: 0, description: 'Working days in the year on this calendar' }),
    version: Nullable(Type.Integer({ minimum: 1 })),
    updatedAt: Nullable(Timestamp),
  },
  { $id: 'CalendarYear', additionalProperties: false, description: 'The working-day calendar of one year' },
);
export type CalendarYear = Static<typeof CalendarYearSchema>;

export const CalendarYearPutSchema = Type.Object(yearFields, {
  $id: 'CalendarYearPut',
  additionalProperties: false,
});

export const CalendarQuerySchema = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Default: this year' })) },
  { additionalProperties: false },
);

export const calendarSchemas = [HolidaySchema, CalendarYearSchema, CalendarYearPutSchema];
