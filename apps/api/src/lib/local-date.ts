/**
 * The Association's calendar day (Asia/Shanghai, UTC+8 all year, no daylight saving since 1991): calls
 * open and close, and reminders fall due, by the day people in the city see on their wall.
 */
export function localToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
