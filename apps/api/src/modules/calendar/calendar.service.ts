import { checkCalendarData, type HolidayCalendarData, WorkingDayCalendar } from '@society-hub/domain';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import type { Caller } from '../../lib/request-context';
import { storedJson } from '../../lib/stored-json';
import { type Trx, write } from '../../lib/write';
import * as repo from './calendar.repository';
import { type CalendarYear, HolidaySchema } from './calendar.schemas';

const readHolidays = storedJson({ Holiday: HolidaySchema }, Type.Array(Type.Ref('Holiday')), 'holidays');
const readDates = storedJson({}, Type.Array(Type.String()), 'make-up workdays');

/**
 * Every configured year merged into one calendar: a notice that starts in late December counts its
 * days into January on the next year's schedule. A year nobody has entered counts weekends only.
 */
export async function loadCalendarData(db: DB | Trx): Promise<HolidayCalendarData> {
  const rows = await repo.calendarYears(db);
  return {
    holidays: rows.flatMap((row) => readHolidays(row.holidays)),
    makeUpWorkdays: rows.flatMap((row) => readDates(row.make_up_workdays)),
  };
}

function countWorkingDays(data: HolidayCalendarData, year: number): number {
  const calendar = new WorkingDayCalendar(data);
  let count = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    if (calendar.isWorkingDay(new Date(t).toISOString().slice(0, 10))) count += 1;
  }
  return count;
}

export class CalendarService {
  constructor(private readonly db: DB) {}

  async get(year: number): Promise<CalendarYear> {
    const row = await repo.findCalendarYear(this.db, year);
    if (!row) {
      return {
        year,
        holidays: [],
        makeUpWorkdays: [],
        source: null,
        configured: false,
        workingDays: countWorkingDays({ holidays: [], makeUpWorkdays: [] }, year),
        version: null,
        updatedAt: null,
      };
    }
    const data = { holidays: readHolidays(row.holidays), makeUpWorkdays: readDates(row.make_up_workdays) };
    return {
      year,
      ...data,
      source: row.source,
      configured: true,
      workingDays: countWorkingDays(data, year),
      version: row.version,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** Replaces a year's schedule; replacing an existing one needs the version read (If-Match). */
  async put(
    { context }: Caller,
    ifMatch: () => number | null,
    input: { year: number; holidays: HolidayCalendarData['holidays']; makeUpWorkdays: string[]; source: string | null },
  ): Promise<{ calendar: CalendarYear; created: boolean }> {
    const problems = checkCalendarData(input).map((p) => ({ ...p, path: `/body${p.path}` }));
    const prefix = `${input.year}-`;
    input.holidays.forEach((h, i) => {
      if (!h.from.startsWith(prefix) && !h.to.startsWith(prefix)) {
        problems.push({
          path: `/body/holidays/${i}`,
          code: 'other_year',
          message: `${h.name} (${h.from}–${h.to}) is not in ${input.year}.`,
        });
      }
    });
    input.makeUpWorkdays.forEach((d, i) => {
      if (!d.startsWith(prefix)) {
        problems.push({
          path: `/body/makeUpWorkdays/${i}`,
          code: 'other_year',
          message: `${d} is not in ${input.year}.`,
        });
      }
    });
    if (problems.length) throw errors.validation(problems);
    const created = await write(this.db, context, async (trx, record) => {
      const current = await repo.lockCalendarYear(trx, input.year);
      const values = {
        holidays: JSON.stringify(input.holidays),
        make_up_workdays: JSON.stringify(input.makeUpWorkdays),
        source: input.source,
        updated_at: new Date(),
      };
      if (current) {
        const expected = ifMatch();
        assertVersion(current.version, expected);
        await repo.updateCalendarYear(trx, input.year, values);
      } else {
        await repo.insertCalendarYear(trx, input.year, values);
      }
      record({
        action: current ? 'calendar.update' : 'calendar.create',
        resourceType: 'calendar_year',
        resourceId: String(input.year),
        before: current
          ? { holidays: readHolidays(current.holidays), makeUpWorkdays: readDates(current.make_up_workdays) }
          : null,
        after: { holidays: input.holidays, makeUpWorkdays: input.makeUpWorkdays },
        event: 'calendar.updated',
      });
      return !current;
    });
    return { calendar: await this.get(input.year), created };
  }
}
