import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../funding/dates';
import { compareReminders, daysUntil, finalReportDueOn, REMINDER_KINDS, reminderUrgency } from './reminders';

describe('reminder urgency', () => {
  it('is due soon from the window’s first day through the due day, overdue the day after', () => {
    expect(reminderUrgency('2027-03-31', '2027-03-01', 30)).toBe('due_soon');
    expect(reminderUrgency('2027-03-31', '2027-02-28', 30)).toBeNull();
    expect(reminderUrgency('2027-03-31', '2027-03-31', 30)).toBe('due_soon');
    expect(reminderUrgency('2027-03-31', '2027-04-01', 30)).toBe('overdue');
  });

  it('counts days across month ends and leap days', () => {
    expect(daysUntil('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysUntil('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysUntil('2027-01-01', '2026-12-31')).toBe(-1);
  });

  it('never reminds of something further away than the window, and always of something past', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addCalendarDays('2026-01-01', n));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 365 }), (due, today, within) => {
        const urgency = reminderUrgency(due, today, within);
        const left = daysUntil(today, due);
        if (left < 0) expect(urgency).toBe('overdue');
        else if (left > within) expect(urgency).toBeNull();
        else expect(urgency).toBe('due_soon');
      }),
    );
  });
});

describe('final report due date', () => {
  it('falls the given days after the planned date, else with the next annual report', () => {
    expect(finalReportDueOn('2026-10-20', 2026, 60)).toBe('2026-12-19');
    expect(finalReportDueOn(null, 2026, 60)).toBe('2027-03-31');
  });
});

describe('reminder order', () => {
  it('puts the longest overdue first and undated things last, kinds breaking ties', () => {
    const items = [
      { kind: 'review' as const, dueOn: null },
      { kind: 'reelection' as const, dueOn: '2026-12-10' },
      { kind: 'annual_report' as const, dueOn: '2026-12-10' },
      { kind: 'project_report' as const, dueOn: '2026-11-01' },
    ];
    expect([...items].sort(compareReminders)).toEqual([
      { kind: 'project_report', dueOn: '2026-11-01' },
      { kind: 'annual_report', dueOn: '2026-12-10' },
      { kind: 'reelection', dueOn: '2026-12-10' },
      { kind: 'review', dueOn: null },
    ]);
  });

  it('is a consistent order: sorting twice or from any shuffle gives the same list', () => {
    const item = fc.record({
      kind: fc.constantFrom(...REMINDER_KINDS),
      dueOn: fc.option(fc.integer({ min: 0, max: 400 }).map((n) => addCalendarDays('2026-06-01', n))),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 20 }), (items) => {
        const once = [...items].sort(compareReminders);
        const reversed = [...items].reverse().sort(compareReminders);
        expect(reversed.map((i) => [i.kind, i.dueOn])).toEqual(once.map((i) => [i.kind, i.dueOn]));
      }),
    );
  });
});
