import { describe, expect, it } from 'vitest';
import { applicationLifecycle } from './funding/application';
import { programLifecycle } from './funding/program';
import { annualReportLifecycle } from './governance/annual-report';
import { membershipLifecycle } from './members/membership';
import { pilotLifecycle } from './pilots/pilots';
import { societyLifecycle } from './society';
import { defineStateMachine, type StateMachine } from './state-machine';

const LIFECYCLES: Record<string, StateMachine<string>> = {
  society: societyLifecycle,
  membership: membershipLifecycle,
  application: applicationLifecycle,
  program: programLifecycle,
  pilot: pilotLifecycle,
  annualReport: annualReportLifecycle,
};

describe('a lifecycle table', () => {
  const machine = defineStateMachine<'a' | 'b' | 'c'>('a', {
    a: { b: ['society'], c: [] },
    b: { c: ['association', 'society'] },
    c: {},
  });

  it('answers which moves exist and who takes each', () => {
    expect(machine.allowedFrom('a')).toEqual(['b', 'c']);
    expect(machine.canTransition('a', 'c')).toBe(true);
    expect(machine.canTransition('c', 'a')).toBe(false);
    expect(machine.isFinal('c')).toBe(true);
    expect(machine.moversOf('a', 'b')).toEqual(['society']);
    // A move another operation carries exists, but nobody asks for it.
    expect(machine.moversOf('a', 'c')).toEqual([]);
    // Not a move at all: nobody.
    expect(machine.moversOf('c', 'a')).toEqual([]);
    expect(machine.movesFor('a', 'society')).toEqual(['b']);
    expect(machine.movesFor('a', 'association')).toEqual([]);
    expect(machine.movesFor('b', 'association')).toEqual(['c']);
  });

  it.each(Object.entries(LIFECYCLES))(
    '%s: every move lands on a state, and the initial state is one',
    (_, lifecycle) => {
      expect(lifecycle.isState(lifecycle.initial)).toBe(true);
      for (const from of lifecycle.states) {
        for (const to of lifecycle.allowedFrom(from)) expect(lifecycle.isState(to), `${from} → ${to}`).toBe(true);
      }
    },
  );
});

describe('who moves what', () => {
  it('keeps the registry with the Association: a society moves no society', () => {
    for (const from of societyLifecycle.states) expect(societyLifecycle.movesFor(from, 'society')).toEqual([]);
    expect(societyLifecycle.movesFor('active', 'association')).toEqual(['dormant', 'disqualified', 'deregistered']);
  });

  it('lets the society submit and withdraw its application, and staff decide the rest by hand', () => {
    expect(applicationLifecycle.movesFor('draft', 'society')).toEqual(['submitted', 'withdrawn']);
    expect(applicationLifecycle.movesFor('draft', 'association')).toEqual(['withdrawn']);
    expect(applicationLifecycle.movesFor('screening', 'association')).toEqual([
      'in_review',
      'rejected',
      'returned',
      'withdrawn',
    ]);
    // Closing the project, or sending its final report back for correction.
    expect(applicationLifecycle.movesFor('reported', 'association')).toEqual(['closed', 'funded']);
    expect(applicationLifecycle.movesFor('returned', 'society')).toEqual(['submitted', 'withdrawn']);
    expect(applicationLifecycle.movesFor('reported', 'society')).toEqual([]);
    // The program carries these: nobody asks for them.
    expect(applicationLifecycle.moversOf('submitted', 'screening')).toEqual([]);
    expect(applicationLifecycle.moversOf('notice', 'funded')).toEqual([]);
    expect(applicationLifecycle.moversOf('rejected', 'reviewed')).toEqual([]);
  });

  it('lets a society submit or withdraw its pilot proposal, and nothing after', () => {
    expect(pilotLifecycle.movesFor('proposed', 'society')).toEqual(['eligibility_review', 'terminated']);
    for (const from of pilotLifecycle.states.filter((s) => s !== 'proposed')) {
      expect(pilotLifecycle.movesFor(from, 'society'), from).toEqual([]);
    }
    expect(pilotLifecycle.movesFor('acceptance', 'association')).toEqual(['completed', 'terminated']);
  });

  it('leaves the register to the society and its staff alike', () => {
    for (const from of membershipLifecycle.states) {
      expect(membershipLifecycle.movesFor(from, 'society')).toEqual(membershipLifecycle.allowedFrom(from));
      expect(membershipLifecycle.movesFor(from, 'association')).toEqual(membershipLifecycle.allowedFrom(from));
    }
  });
});
