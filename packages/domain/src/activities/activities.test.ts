import { describe, expect, it } from 'vitest';
import { type ActivityFacts, activityFigures, checkActivity, figureDifferences, type KindTotals } from './activities';

const TODAY = '2026-12-07';
const lecture: ActivityFacts = {
  kind: 'lecture',
  startOn: '2026-05-10',
  endOn: '2026-05-10',
  held: true,
  participants: 120,
  recipient: null,
  outcome: null,
  outcomeOn: null,
  outcomeLevel: null,
};
const report: ActivityFacts = {
  ...lecture,
  kind: 'advisory_report',
  participants: null,
  recipient: '市政府办公室',
  outcome: 'instruction',
  outcomeOn: '2026-06-01',
  outcomeLevel: 'municipal',
};
const codes = (facts: ActivityFacts) => checkActivity(facts, TODAY).map((i) => `${i.field}:${i.code}`);

describe('checkActivity', () => {
  it('accepts a held lecture and an advisory report with its instruction', () => {
    expect(codes(lecture)).toEqual([]);
    expect(codes(report)).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(codes({ ...lecture, endOn: '2026-05-09' })).toEqual(['endOn:end_before_start']);
  });

  it('refuses a held activity ending after today, but not a planned one', () => {
    const ahead = { ...lecture, startOn: '2026-12-20', endOn: '2026-12-21' };
    expect(codes(ahead)).toEqual(['endOn:in_future']);
    expect(codes({ ...ahead, held: false })).toEqual([]);
    // Ending today is held already.
    expect(codes({ ...lecture, startOn: TODAY, endOn: TODAY })).toEqual([]);
  });

  it('refuses counts that are not whole numbers from 0', () => {
    for (const participants of [-1, 2.5, Number.NaN, 1e12]) {
      expect(codes({ ...lecture, participants })).toEqual(['participants:invalid_count']);
    }
    expect(codes({ ...lecture, participants: 0 })).toEqual([]);
    expect(codes({ ...lecture, participants: null })).toEqual([]);
  });

  it('allows the advisory fields on advisory reports only', () => {
    expect(codes({ ...report, kind: 'lecture' })).toEqual([
      'recipient:advisory_only',
      'outcome:advisory_only',
      'outcomeOn:advisory_only',
      'outcomeLevel:advisory_only',
    ]);
  });

  it('needs the date and level of an instruction or adoption, after the report and not in the future', () => {
    expect(codes({ ...report, outcomeOn: null, outcomeLevel: null })).toEqual([
      'outcomeOn:required',
      'outcomeLevel:required',
    ]);
    expect(codes({ ...report, outcomeOn: '2026-05-01' })).toEqual(['outcomeOn:before_report']);
    expect(codes({ ...report, outcomeOn: '2026-12-08' })).toEqual(['outcomeOn:in_future']);
    expect(codes({ ...report, outcome: null })).toEqual(['outcomeOn:outcome_missing', 'outcomeLevel:outcome_missing']);
  });

  it('refuses an outcome on a report not yet written', () => {
    expect(codes({ ...report, held: false })).toEqual(['outcome:not_held']);
  });
});

describe('activityFigures', () => {
  const totals: KindTotals[] = [
    { kind: 'academic_conference', activities: 2, participants: 500, withOutcome: 0 },
    { kind: 'lecture', activities: 21, participants: 2100, withOutcome: 0 },
    { kind: 'international_exchange', activities: 1, participants: 40, withOutcome: 0 },
    { kind: 'popularisation', activities: 6, participants: 6000, withOutcome: 0 },
    { kind: 'advisory_report', activities: 3, participants: 0, withOutcome: 2 },
    { kind: 'brand_event', activities: 1, participants: 800, withOutcome: 0 },
    { kind: 'training', activities: 4, participants: 300, withOutcome: 0 },
    { kind: 'other', activities: 9, participants: 90, withOutcome: 0 },
  ];

  it('counts conferences, lectures and international exchanges as academic exchange; training and other nowhere', () => {
    expect(activityFigures(totals)).toEqual({
      academicExchanges: 24,
      academicParticipants: 2640,
      popularisationEvents: 6,
      popularisationParticipants: 6000,
      advisoryReports: 3,
      advisoryAdopted: 2,
      brandEvents: 1,
      brandParticipants: 800,
    });
  });

  it('is all zeros without records', () => {
    expect(Object.values(activityFigures([]))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('names each reported figure that differs from the computed one', () => {
    const computed = activityFigures(totals);
    expect(figureDifferences(computed, computed)).toEqual([]);
    expect(figureDifferences({ ...computed, popularisationEvents: 8 }, computed)).toEqual([
      { field: 'popularisationEvents', reported: 8, computed: 6 },
    ]);
  });
});
