import { describe, expect, it } from 'vitest';
import { dedupeKey, isMutable, isNotificationKind, NOTIFICATION_KINDS } from './kinds';

describe('notification kinds', () => {
  it('keeps legal notices unmutable', () => {
    expect(isMutable('invitation')).toBe(false);
    expect(isMutable('application_decided')).toBe(false);
    expect(isMutable('call_opened')).toBe(true);
    expect(NOTIFICATION_KINDS.filter(isMutable)).toContain('annual_report_overdue');
  });

  it('recognises kinds and makes one key per kind, item, period and recipient', () => {
    expect(isNotificationKind('review_assigned')).toBe(true);
    expect(isNotificationKind('nope')).toBe(false);
    expect(dedupeKey('annual_report_due', 's1', '2026', 'u1')).toBe('annual_report_due:s1:2026:u1');
    expect(dedupeKey('annual_report_due', 's1', '2026', 'u1')).not.toBe(
      dedupeKey('annual_report_due', 's1', '2027', 'u1'),
    );
  });
});
