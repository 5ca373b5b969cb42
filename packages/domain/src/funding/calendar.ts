/**
 * Working days for the public notice (公示, SPEC §3): Monday to Friday, except public holidays (which
 * are days off even on a weekday), plus make-up working days (调休, which are working days even on a
 * Saturday or Sunday). The calendar is data, kept by staff through the API; the official 2026 schedule
 * is preloaded.
 *
 * A notice of n working days starts on the first working day on or after the day it is published and
 * ends on its n-th working day, the start counting as day 1.
 *
 * Worked example (see calendar.test.ts): a 5-working-day notice published on Tuesday 2026-09-29 runs
 * 09-29 (1), 09-30 (2), then 国庆节 10-01 to 10-07 are off, 10-08 Thu (3), 10-09 Fri (4) and the
 * make-up working Saturday 10-10 (5): it ends on 2026-10-10.
 */
import { addCalendarDays, dayOfWeek, isIsoDate } from './dates';
import type { Problem } from './program';

export interface HolidayCalendarData {
  holidays: { name: string; from: string; to: string }[];
  makeUpWorkdays: string[];
}

/** Source: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, published by Xinhua). */
export const OFFICIAL_2026_CALENDAR: HolidayCalendarData = {
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

function requireDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
}

export class WorkingDayCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeUpWorkdays: Set<string>;

  /** Expects data that passes `checkCalendarData`; invalid holiday ranges are ignored. */
  constructor(data: HolidayCalendarData) {
    for (const h of data.holidays) {
      if (!isIsoDate(h.from) || !isIsoDate(h.to)) continue;
      for (let day = h.from; day <= h.to; day = addCalendarDays(day, 1)) this.holidays.add(day);
    }
    this.makeUpWorkdays = new Set(data.makeUpWorkdays.filter(isIsoDate));
  }

  isWorkingDay(date: string): boolean {
    requireDate(date);
    if (this.makeUpWorkdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6;
  }

  /** The first working day on or after (`inclusive`) or strictly after `date`. */
  nextWorkingDay(date: string, inclusive: boolean): string {
    requireDate(date);
    let day = inclusive ? date : addCalendarDays(date, 1);
    while (!this.isWorkingDay(day)) day = addCalendarDays(day, 1);
    return day;
  }

  /**
   * The date `n` working days after `start` (before it when `n` is negative); `start` itself is not
   * counted and need not be a working day, and n = 0 returns `start`.
   */
  addWorkingDays(start: string, n: number): string {
    requireDate(start);
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, not ${n}`);
    const step = n < 0 ? -1 : 1;
    let day = start;
    for (let left = Math.abs(n); left > 0; ) {
      day = addCalendarDays(day, step);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /** Working days in [from, to], both ends included (0 when to < from). */
  countWorkingDays(from: string, to: string): number {
    requireDate(from);
    requireDate(to);
    let count = 0;
    for (let day = from; day <= to; day = addCalendarDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }
}

/** The notice's first and last day: from the first working day on or after `from`, `workingDays` long. */
export function noticePeriod(
  calendar: WorkingDayCalendar,
  from: string,
  workingDays: number,
): { startsOn: string; endsOn: string } {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`a notice lasts a whole number of at least 1 working day, not ${workingDays}`);
  }
  const startsOn = calendar.nextWorkingDay(from, true);
  return { startsOn, endsOn: calendar.addWorkingDays(startsOn, workingDays - 1) };
}

/**
 * Problems with calendar data: dates that are not real, a holiday ending before it starts, a make-up
 * working day that is not a Saturday or Sunday (it would change nothing, so it is a typo) or that is
 * listed twice, and a day that is both a holiday and a make-up working day.
 */
export function checkCalendarData(data: HolidayCalendarData): Problem[] {
  const problems: Problem[] = [];
  data.holidays.forEach((h, i) => {
    const at = `/holidays/${i}`;
    if (h.name.trim() === '')
      problems.push({ path: `${at}/name`, code: 'name_empty', message: `holiday ${i + 1} has no name` });
    const fromValid = isIsoDate(h.from);
    const toValid = isIsoDate(h.to);
    if (!fromValid) {
      problems.push({ path: `${at}/from`, code: 'date_invalid', message: `"${h.from}" is not a YYYY-MM-DD date` });
    }
    if (!toValid) {
      problems.push({ path: `${at}/to`, code: 'date_invalid', message: `"${h.to}" is not a YYYY-MM-DD date` });
    }
    if (fromValid && toValid && h.from > h.to) {
      problems.push({
        path: `${at}/to`,
        code: 'range_inverted',
        message: `${h.name} ends on ${h.to}, before it starts on ${h.from}`,
      });
    }
  });
  const listed = new Map<string, number>();
  data.makeUpWorkdays.forEach((day, i) => {
    const at = `/makeUpWorkdays/${i}`;
    if (!isIsoDate(day)) {
      problems.push({ path: at, code: 'date_invalid', message: `"${day}" is not a YYYY-MM-DD date` });
      return;
    }
    const first = listed.get(day);
    if (first !== undefined) {
      problems.push({
        path: at,
        code: 'duplicate',
        message: `${day} is listed twice (entries ${first + 1} and ${i + 1})`,
      });
      return;
    }
    listed.set(day, i);
    const weekday = dayOfWeek(day);
    if (weekday !== 0 && weekday !== 6) {
      problems.push({
        path: at,
        code: 'make_up_day_not_weekend',
        message: `${day} is a weekday, so making it a working day changes nothing`,
      });
    }
    const holiday = data.holidays.find((h) => isIsoDate(h.from) && isIsoDate(h.to) && h.from <= day && day <= h.to);
    if (holiday) {
      problems.push({
        path: at,
        code: 'holiday_and_make_up_day',
        message: `${day} is both a make-up working day and part of ${holiday.name} (${holiday.from} to ${holiday.to})`,
      });
    }
  });
  return problems;
}
