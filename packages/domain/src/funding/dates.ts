/**
 * Calendar dates (`YYYY-MM-DD`) and RFC 3339 timestamps for the funding rules, computed without the
 * host's time zone: dates are treated as days of the proleptic Gregorian calendar, and a submission's
 * date is its wall-clock date in Asia/Shanghai. China has kept a fixed UTC+8 offset with no daylight
 * saving since 1991, so "add eight hours to the UTC instant" is exact for every date the platform sees.
 *
 * Worked example: 2026-04-30T16:30:00Z is 2026-05-01 00:30 in Shanghai, so it was submitted on
 * 2026-05-01 — one day after a call that closes on 2026-04-30.
 */

const DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^([1-9]\d{3})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A real calendar date written `YYYY-MM-DD` (years 1000–9999). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function epochDay(date: string): number {
  const m = DATE.exec(date);
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  }
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** `date` moved by `days` calendar days (negative moves back). Throws on an invalid date. */
export function addCalendarDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. Throws on an invalid date. */
export function dayOfWeek(date: string): number {
  return new Date(epochDay(date) * DAY_MS).getUTCDay();
}

/**
 * The instant an RFC 3339 timestamp names, in milliseconds since the epoch (fractions of a millisecond
 * kept), or null when the text is not a valid RFC 3339 date-time.
 */
export function parseRfc3339(value: string): number | null {
  const m = TIMESTAMP.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 60) return null;
  let offsetMinutes = 0;
  if (!m[8]) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const fraction = m[7] ? Number(`0${m[7]}`) * 1000 : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second) + fraction - offsetMinutes * 60_000;
}

/** The Asia/Shanghai (UTC+8) calendar date of an RFC 3339 timestamp, or null when it is not one. */
/**
 * The Association's calendar day now (Asia/Shanghai): calls open and close, reports and reminders fall
 * due, and members join by the day people in the city see on their wall — not by UTC's date (wrong until
 * 08:00) nor by the browser's or server's own time zone.
 */
export function localToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function shanghaiDateOf(timestamp: string): string | null {
  const ms = parseRfc3339(timestamp);
  if (ms === null) return null;
  return new Date(Math.floor(ms) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
