import { describe, expect, it } from 'vitest';
import { SOCIETY_STATUSES, societyLifecycle, societyTransitionBlockers } from './society';

describe('society lifecycle (SPEC §1)', () => {
  it('allows exactly the moves of the specification', () => {
    const allowed = Object.fromEntries(SOCIETY_STATUSES.map((s) => [s, [...societyLifecycle.allowedFrom(s)].sort()]));
    expect(allowed).toEqual({
      preparing: ['active', 'deregistered'],
      active: ['deregistered', 'disqualified', 'dormant'],
      dormant: ['active', 'deregistered', 'disqualified'],
      disqualified: [],
      deregistered: [],
    });
  });

  it('treats disqualified and deregistered as final', () => {
    expect(societyLifecycle.isFinal('disqualified')).toBe(true);
    expect(societyLifecycle.isFinal('deregistered')).toBe(true);
    expect(societyLifecycle.isFinal('dormant')).toBe(false);
  });

  it('never allows staying in place or going back to preparing', () => {
    for (const from of SOCIETY_STATUSES) {
      expect(societyLifecycle.canTransition(from, from)).toBe(false);
      expect(societyLifecycle.canTransition(from, 'preparing')).toBe(false);
    }
  });

  it('recognises its own states only', () => {
    expect(societyLifecycle.isState('active')).toBe(true);
    expect(societyLifecycle.isState('archived')).toBe(false);
  });

  it('needs a credit code to become active', () => {
    expect(societyTransitionBlockers('active', { creditCode: null }).map((b) => b.code)).toEqual([
      'credit_code_required',
    ]);
    expect(societyTransitionBlockers('active', { creditCode: '51370800MJ1234567D' })).toEqual([]);
    expect(societyTransitionBlockers('deregistered', { creditCode: null })).toEqual([]);
  });
});
