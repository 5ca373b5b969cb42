import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_FAMILY_SCOPES,
  EVENT_TYPES,
  eventFamily,
  isEventTypePattern,
  matchesEventType,
  readableEventFamilies,
  retryDelaySeconds,
} from './events';

describe('event types', () => {
  it('accepts exact types, whole families and everything, nothing else', () => {
    for (const ok of ['member.created', 'member.*', '*', 'annual_report.submitted']) {
      expect(isEventTypePattern(ok), ok).toBe(true);
    }
    for (const bad of ['', 'member', 'member.', '.created', 'Member.created', 'member.created.x', '*.created', 'a b']) {
      expect(isEventTypePattern(bad), bad).toBe(false);
    }
  });

  it('lists only well-formed types, each once, each of a family a read scope covers', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    for (const type of EVENT_TYPES) {
      expect(isEventTypePattern(type) && !type.includes('*'), type).toBe(true);
      expect(Object.keys(EVENT_FAMILY_SCOPES), type).toContain(eventFamily(type));
    }
  });

  it('matches a family pattern only within that family', () => {
    expect(matchesEventType(['member.*'], 'member.created')).toBe(true);
    expect(matchesEventType(['member.*'], 'members.created')).toBe(false);
    expect(matchesEventType(['society.updated'], 'society.created')).toBe(false);
    expect(matchesEventType(['*'], 'anything.at_all')).toBe(true);
    expect(matchesEventType([], 'member.created')).toBe(false);
  });

  it('maps families to read scopes, and leaves unmapped families to staff', () => {
    expect(eventFamily('annual_report.submitted')).toBe('annual_report');
    expect(readableEventFamilies(['members:read'])).toEqual(['member']);
    expect(readableEventFamilies(['events:read'])).toEqual([]);
    expect(readableEventFamilies(['pilots:read'])).toEqual(['pilot']);
    // Account and client changes have no family mapping: only staff read them in the feed.
    expect(Object.keys(EVENT_FAMILY_SCOPES)).not.toContain('user');
    expect(Object.keys(EVENT_FAMILY_SCOPES)).not.toContain('client');
  });
});

describe('retry delays', () => {
  const policy = { baseSeconds: 10, capSeconds: 3600 };

  it('double from the base up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, policy, 0))).toEqual([10, 20, 40, 80]);
    expect(retryDelaySeconds(20, policy, 0)).toBe(3600);
    expect(retryDelaySeconds(10_000, policy, 0)).toBe(3600);
  });

  it('never exceed the cap, never drop below 80% of the doubling, and never grow shorter with more failures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 86_400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, base, cap, random) => {
          const delay = retryDelaySeconds(attempt, { baseSeconds: base, capSeconds: cap }, random);
          expect(delay).toBeLessThanOrEqual(Math.max(1, cap));
          expect(delay).toBeGreaterThanOrEqual(Math.floor(0.8 * Math.min(cap, base * 2 ** Math.min(attempt - 1, 60))));
          const next = retryDelaySeconds(attempt + 1, { baseSeconds: base, capSeconds: cap }, 0);
          expect(next).toBeGreaterThanOrEqual(retryDelaySeconds(attempt, { baseSeconds: base, capSeconds: cap }, 0));
        },
      ),
    );
  });
});
