import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCalendarData, noticePeriod, OFFICIAL_2026_CALENDAR, WorkingDayCalendar } from './calendar';

const calendar = new WorkingDayCalendar(OFFICIAL_2026_CALENDAR);

describe('the 2026 calendar', () => {
  it('has 248 working days: 365 − 104 weekend days − 19 weekday holidays + 6 make-up days', () => {
    // Weekday holidays: 元旦 1–2 Jan (2), 春节 16–20 and 23 Feb (6), 清明 6 Apr (1), 劳动节 1, 4, 5 May (3),
    // 端午 19 Jun (1), 中秋 25 Sep (1), 国庆 1–2 and 5–7 Oct (5). 2026 starts on a Thursday: 104 weekend days.
    expect(calendar.countWorkingDays('2026-01-01', '2026-12-31')).toBe(248);
  });

  it('passes its own checks', () => {
    expect(checkCalendarData(OFFICIAL_2026_CALENDAR)).toEqual([]);
  });

  it('knows weekdays, weekends, holidays and make-up working days', () => {
    expect(calendar.isWorkingDay('2026-09-24')).toBe(true); // Thursday
    expect(calendar.isWorkingDay('2026-09-25')).toBe(false); // Friday, 中秋节
    expect(calendar.isWorkingDay('2026-09-26')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday, make-up day
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up day
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-01-01')).toBe(false); // Thursday, 元旦
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
  });

  it('steps to the next working day and adds working days both ways', () => {
    expect(calendar.nextWorkingDay('2026-09-24', true)).toBe('2026-09-24');
    expect(calendar.nextWorkingDay('2026-09-24', false)).toBe('2026-09-28');
    expect(calendar.nextWorkingDay('2026-10-01', true)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 0)).toBe('2026-09-30');
    expect(calendar.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    // Backwards from Monday 28 September: 中秋 25–27 off, Thursday 24th, …, Sunday 20th is a make-up day.
    expect(calendar.addWorkingDays('2026-09-28', -5)).toBe('2026-09-20');
  });
});

describe('notice periods on the 2026 calendar', () => {
  it('5 working days from Thursday 09-24: 24 (1), 中秋 25–27 off, 28 (2), 29 (3), 30 (4) … ends on 10-08', () => {
    // 09-24 is day 1; Friday 25 to Sunday 27 are 中秋节; Monday 28, Tuesday 29 and Wednesday 30 are
    // days 2–4; 1–7 October are 国庆节, so day 5 is Thursday 8 October.
    expect(noticePeriod(calendar, '2026-09-24', 5)).toEqual({ startsOn: '2026-09-24', endsOn: '2026-10-08' });
    // Four working days end on 09-30, the last before 国庆节.
    expect(noticePeriod(calendar, '2026-09-24', 4)).toEqual({ startsOn: '2026-09-24', endsOn: '2026-09-30' });
  });

  it('5 working days from Tuesday 09-29 span 国庆节 and end on the make-up Saturday 10-10', () => {
    // 29 (1), 30 (2), 1–7 October off, Thursday 8 (3), Friday 9 (4), Saturday 10 is a make-up day (5).
    expect(noticePeriod(calendar, '2026-09-29', 5)).toEqual({ startsOn: '2026-09-29', endsOn: '2026-10-10' });
  });

  it('published during 国庆节, a notice starts on the first working day after it', () => {
    // 10-08 (1), 10-09 (2), 10-10 make-up Saturday (3); Sunday 11 off; 12 (4), 13 (5).
    expect(noticePeriod(calendar, '2026-10-03', 5)).toEqual({ startsOn: '2026-10-08', endsOn: '2026-10-13' });
  });

  it('5 working days from Friday 02-13 use the make-up Saturday 02-14, then skip 春节 15–23', () => {
    // 13 (1), Saturday 14 make-up (2), 15–23 off, Tuesday 24 (3), 25 (4), 26 (5).
    expect(noticePeriod(calendar, '2026-02-13', 5)).toEqual({ startsOn: '2026-02-13', endsOn: '2026-02-26' });
  });

  it('published on Saturday 09-19, a one-day notice runs on the make-up Sunday 09-20', () => {
    expect(noticePeriod(calendar, '2026-09-19', 1)).toEqual({ startsOn: '2026-09-20', endsOn: '2026-09-20' });
  });

  it('refuses a notice of no working days', () => {
    expect(() => noticePeriod(calendar, '2026-09-24', 0)).toThrow(RangeError);
  });
});

describe('notice period properties', () => {
  // An independent reading of the same data: expand every range and ask the JavaScript date for the weekday.
  const holidays = new Set<string>();
  for (const h of OFFICIAL_2026_CALENDAR.holidays) {
    for (let t = Date.parse(h.from); t <= Date.parse(h.to); t += 86_400_000)
      holidays.add(new Date(t).toISOString().slice(0, 10));
  }
  const makeUp = new Set(OFFICIAL_2026_CALENDAR.makeUpWorkdays);
  const isWorking = (day: string) => {
    if (makeUp.has(day)) return true;
    if (holidays.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  const daysBetween = (from: string, to: string) => {
    const days: string[] = [];
    for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000)
      days.push(new Date(t).toISOString().slice(0, 10));
    return days;
  };
  const date2026 = fc
    .integer({ min: 0, max: 364 })
    .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

  it('ends on a working day, no earlier than it starts, with exactly n working days in between', () => {
    fc.assert(
      fc.property(date2026, fc.integer({ min: 1, max: 20 }), (from, n) => {
        const { startsOn, endsOn } = noticePeriod(calendar, from, n);
        expect(isWorking(startsOn)).toBe(true);
        expect(isWorking(endsOn)).toBe(true);
        expect(endsOn >= startsOn).toBe(true);
        expect(daysBetween(startsOn, endsOn).filter(isWorking)).toHaveLength(n);
        // Nothing is skipped before the start.
        expect(daysBetween(from, startsOn).filter(isWorking)).toEqual([startsOn]);
      }),
    );
  });

  it('adding and then subtracting working days from a working day comes back to it', () => {
    fc.assert(
      fc.property(date2026, fc.integer({ min: -15, max: 15 }), (day, n) => {
        const start = calendar.nextWorkingDay(day, true);
        expect(calendar.addWorkingDays(calendar.addWorkingDays(start, n), -n)).toBe(start);
      }),
    );
  });
});

describe('checkCalendarData', () => {
  it('names invalid dates, inverted ranges, duplicates, weekday make-up days and clashes', () => {
    const problems = checkCalendarData({
      holidays: [
        { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
        { name: '错误', from: '2026-10-09', to: '2026-10-08' },
        { name: '', from: '2026-13-01', to: '2026-12-01' },
      ],
      makeUpWorkdays: ['2026-10-10', '2026-10-10', '2026-10-04', '2026-10-12', '2026-02-29'],
    });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/holidays/1/to', 'range_inverted'],
      ['/holidays/2/name', 'name_empty'],
      ['/holidays/2/from', 'date_invalid'],
      ['/makeUpWorkdays/1', 'duplicate'],
      ['/makeUpWorkdays/2', 'holiday_and_make_up_day'],
      ['/makeUpWorkdays/3', 'make_up_day_not_weekend'],
      ['/makeUpWorkdays/4', 'date_invalid'],
    ]);
    expect(problems[4]?.message).toBe(
      '2026-10-04 is both a make-up working day and part of 国庆节 (2026-10-01 to 2026-10-07)',
    );
  });
});
