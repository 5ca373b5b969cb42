import { localToday } from '@society-hub/domain';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * The calendar day now in China (the domain's `localToday`), as a dayjs: what a date picker's "not after
 * today", a default date and an "is it overdue" check mean, whatever time zone the browser is in.
 */
export function currentDay(): Dayjs {
  return dayjs(localToday());
}

/** The year it is now in China (the Association's year), not the browser's. */
export function currentYear(): number {
  return Number(localToday().slice(0, 4));
}
