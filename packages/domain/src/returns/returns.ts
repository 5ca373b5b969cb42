/**
 * Returns for correction (退回修改, issue 21): staff send a filed record back to its society with what
 * to fix, per field or section, and a day by which to file it again.
 *
 * The deadline is counted in working days on the holiday calendar (调休 included), five by default as
 * in the civil-affairs annual-report systems: the day of the return is not counted, and the deadline is
 * the fifth working day after it. Worked example (see returns.test.ts): returned on Wednesday
 * 2026-09-30, the day before 国庆节 (10-01 to 10-07 off): 10-08 Thu (1), 10-09 Fri (2), the make-up
 * working Saturday 10-10 (3), 10-12 Mon (4), 10-13 Tue (5) — due on 2026-10-13.
 *
 * A round is waiting until the society files again; once the deadline's day has passed with nothing
 * filed, it is overdue. What an overdue round means depends on the record (an annual report stays
 * returned and counts as not filed; an application in a closed call is rejected).
 */
import type { WorkingDayCalendar } from '../funding/calendar';

export const RETURN_WORKING_DAYS = 5;

/** `final_report`: a funded project's final report (结项报告); its rounds are keyed by the application. */
export const RETURNABLE_RESOURCES = ['annual_report', 'funding_application', 'final_report'] as const;
export type ReturnableResource = (typeof RETURNABLE_RESOURCES)[number];

export const RETURN_STANDINGS = ['waiting', 'overdue', 'resolved', 'expired'] as const;
export type ReturnStanding = (typeof RETURN_STANDINGS)[number];

/** The day a return made on `returnedOn` (Beijing date) falls due: `workingDays` working days later. */
export function returnDeadline(
  calendar: WorkingDayCalendar,
  returnedOn: string,
  workingDays = RETURN_WORKING_DAYS,
): string {
  return calendar.addWorkingDays(returnedOn, workingDays);
}

/**
 * Where a round stands today: resolved once filed again, expired once its consequence was applied
 * (an application rejected), otherwise waiting through its deadline's day and overdue after it.
 */
export function returnStanding(
  round: { deadline: string; resolvedAt: string | null; expired: boolean },
  today: string,
): ReturnStanding {
  if (round.expired) return 'expired';
  if (round.resolvedAt !== null) return 'resolved';
  return today > round.deadline ? 'overdue' : 'waiting';
}
