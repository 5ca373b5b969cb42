import type { DB } from '../../db/connect';
import type { Trx } from '../../lib/write';

export async function calendarYears(db: DB | Trx) {
  return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export async function findCalendarYear(db: DB, year: number) {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function lockCalendarYear(trx: Trx, year: number) {
  return trx.selectFrom('calendar_years').selectAll().where('year', '=', year).forUpdate().executeTakeFirst();
}

export interface CalendarYearValues {
  holidays: string;
  make_up_workdays: string;
  source: string | null;
  updated_at: Date;
}

export async function updateCalendarYear(trx: Trx, year: number, values: CalendarYearValues) {
  await trx
    .updateTable('calendar_years')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('year', '=', year)
    .execute();
}

export async function insertCalendarYear(trx: Trx, year: number, values: CalendarYearValues) {
  await trx
    .insertInto('calendar_years')
    .values({ year, ...values })
    .execute();
}
