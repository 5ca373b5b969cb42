/** Calls open, close and end their notice by the Association's calendar day (Asia/Shanghai, UTC+8 all year). */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
