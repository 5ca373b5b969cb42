import { describe, expect, it } from 'vitest';
import { OFFICIAL_2026_CALENDAR, WorkingDayCalendar } from '../funding/calendar';
import { returnDeadline, returnStanding } from './returns';

const calendar = new WorkingDayCalendar(OFFICIAL_2026_CALENDAR);

describe('the deadline of a return', () => {
  it('counts five working days across 国庆节 and its make-up Saturday', () => {
    // 10-01..10-07 off; 10-08 (1), 10-09 (2), Saturday 10-10 is a make-up day (3), 10-12 (4), 10-13 (5).
    expect(returnDeadline(calendar, '2026-09-30')).toBe('2026-10-13');
  });

  it('counts plain weeks as five weekdays and takes another number of days when given', () => {
    expect(returnDeadline(calendar, '2026-11-02')).toBe('2026-11-09');
    expect(returnDeadline(calendar, '2026-11-02', 1)).toBe('2026-11-03');
  });
});

describe('where a round stands', () => {
  const round = { deadline: '2026-10-13', resolvedAt: null, expired: false };
  it('waits through the deadline’s day and is overdue after it', () => {
    expect(returnStanding(round, '2026-10-13')).toBe('waiting');
    expect(returnStanding(round, '2026-10-14')).toBe('overdue');
  });
  it('is resolved once filed again, expired once its consequence applied', () => {
    expect(returnStanding({ ...round, resolvedAt: '2026-10-12T02:00:00Z' }, '2026-12-01')).toBe('resolved');
    expect(returnStanding({ ...round, expired: true }, '2026-12-01')).toBe('expired');
  });
});
