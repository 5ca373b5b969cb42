import { addCalendarDays } from '../funding/dates';

/**
 * What falls due (SPEC §5 "Reminders"): annual reports, re-elections, reviews, funded-project final
 * reports and pilot milestones. The API gathers the facts; these rules decide what is worth telling a
 * person today, and in which order, so the header of every console page and the API agree.
 */
/** `return`: a record sent back for correction (退回修改) waiting to be filed again by its deadline. */
export const REMINDER_KINDS = [
  'annual_report',
  'reelection',
  'review',
  'project_report',
  'pilot_milestone',
  'return',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderUrgency = 'overdue' | 'due_soon';

/** Days from `from` to `to` (negative when `to` is earlier). Both `YYYY-MM-DD`. */
export function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether something due on `dueOn` is worth a reminder today: overdue once the day has passed, due soon
 * from `withinDays` days before (the due day itself counts as due soon), otherwise nothing yet.
 */
export function reminderUrgency(dueOn: string, today: string, withinDays: number): ReminderUrgency | null {
  const left = daysUntil(today, dueOn);
  if (left < 0) return 'overdue';
  return left <= withinDays ? 'due_soon' : null;
}

/**
 * When a funded project's final report (结项) is due: `afterDays` after its planned date, or 31 March of
 * the year after the programme's (the annual-report deadline) when the application gave no date.
 */
export function finalReportDueOn(plannedOn: string | null, programYear: number, afterDays: number): string {
  return plannedOn ? addCalendarDays(plannedOn, afterDays) : `${programYear + 1}-03-31`;
}

export interface DueThing {
  kind: ReminderKind;
  dueOn: string | null;
}

/**
 * Overdue first (the longest overdue on top), then what is due soonest; things without a date (a review
 * with no deadline) last. Ties keep the order of `REMINDER_KINDS`, so the list never reshuffles itself.
 */
export function compareReminders(a: DueThing, b: DueThing): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind);
}
