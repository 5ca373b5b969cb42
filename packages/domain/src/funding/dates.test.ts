import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, dayOfWeek, isIsoDate, localToday, parseRfc3339, shanghaiDateOf } from './dates';

describe('calendar dates', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('0999-01-01')).toBe(false);
  });

  it('adds days across months and years, and knows the weekday', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('2026-09-20')).toBe(0);
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('moving forward and back by the same number of days returns to the start', () => {
    const date = fc
      .integer({ min: 0, max: 3_000 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -1_000, max: 1_000 }), (d, n) => {
        expect(addCalendarDays(addCalendarDays(d, n), -n)).toBe(d);
        expect(isIsoDate(addCalendarDays(d, n))).toBe(true);
      }),
    );
  });
});

describe('RFC 3339 timestamps', () => {
  it('reads offsets, fractions and Z', () => {
    expect(parseRfc3339('2026-04-30T16:30:00Z')).toBe(Date.UTC(2026, 3, 30, 16, 30));
    expect(parseRfc3339('2026-05-01T00:30:00+08:00')).toBe(Date.UTC(2026, 3, 30, 16, 30));
    expect(parseRfc3339('2026-04-30t12:30:00.5-04:00')).toBe(Date.UTC(2026, 3, 30, 16, 30, 0, 500));
    expect(parseRfc3339('2026-04-30T16:30:00')).toBeNull();
    expect(parseRfc3339('2026-04-31T16:30:00Z')).toBeNull();
    expect(parseRfc3339('2026-04-30T24:00:00Z')).toBeNull();
  });

  it('dates an instant in Beijing time', () => {
    expect(shanghaiDateOf('2026-04-30T15:59:59.999Z')).toBe('2026-04-30');
    expect(shanghaiDateOf('2026-04-30T16:00:00Z')).toBe('2026-05-01');
    expect(shanghaiDateOf('2026-04-30T23:59:59-08:00')).toBe('2026-05-01');
    expect(shanghaiDateOf('yesterday')).toBeNull();
  });

  it('agrees with the platform’s own reading of ISO timestamps', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString();
          expect(parseRfc3339(iso)).toBe(d.getTime());
          expect(shanghaiDateOf(iso)).toBe(new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
        },
      ),
    );
  });
});

describe('the calendar day', () => {
  it('is Shanghai’s: 16:30 UTC on 30 April is already 1 May there, and 23:59 UTC on 31 December the next year', () => {
    expect(localToday(new Date('2026-04-30T16:30:00Z'))).toBe('2026-05-01');
    expect(localToday(new Date('2026-04-30T15:59:59.999Z'))).toBe('2026-04-30');
    expect(localToday(new Date('2026-12-31T23:59:00Z'))).toBe('2027-01-01');
  });
});
