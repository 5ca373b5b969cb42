import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateGovernance,
  overallStatus,
  personNameKey,
  type RosterEntry,
  type RuleResult,
  samePerson,
  type TermFacts,
} from './rules';

function member(overrides: Partial<RosterEntry> = {}): RosterEntry {
  return {
    personName: `成员${Math.random().toString(36).slice(2, 7)}`,
    position: 'director',
    standing: false,
    frontline: true,
    birthYear: 1970,
    official: false,
    approvalRef: null,
    ...overrides,
  };
}

/** A council of `size` with `standing` standing members and leaders in place, plus one supervisor. */
function roster(
  size: number,
  options: { frontline?: number; standing?: number; standingFrontline?: number } = {},
): RosterEntry[] {
  const frontline = options.frontline ?? size;
  const standing = options.standing ?? 0;
  const standingFrontline = options.standingFrontline ?? standing;
  const entries: RosterEntry[] = [];
  for (let i = 0; i < size; i++) {
    const isStanding = i < standing;
    entries.push(
      member({
        personName: `理事${i}`,
        position: i === 0 ? 'chair' : i === 1 ? 'secretary_general' : isStanding ? 'standing_director' : 'director',
        standing: isStanding,
        frontline: isStanding
          ? i < standingFrontline
          : i - standing < frontline - Math.min(standingFrontline, standing),
      }),
    );
  }
  entries.push(member({ personName: '监事甲', position: 'supervisor' }));
  return entries;
}

function term(overrides: Partial<TermFacts> = {}): TermFacts {
  return {
    sequence: 5,
    startOn: '2024-06-01',
    endOn: '2029-05-31',
    representatives: 300,
    roster: roster(30, { standing: 10 }),
    ...overrides,
  };
}

function rule(results: RuleResult[], name: RuleResult['rule']): RuleResult {
  const found = results.find((r) => r.rule === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
}

const TODAY = '2026-11-22';

describe('rule 1: council size ≤ 1/3 of member representatives', () => {
  it('passes at exactly one third and fails one above', () => {
    expect(
      rule(evaluateGovernance({ terms: [term({ representatives: 90 })], today: TODAY }), 'council_size').status,
    ).toBe('pass');
    const over = rule(evaluateGovernance({ terms: [term({ representatives: 89 })], today: TODAY }), 'council_size');
    expect(over.status).toBe('fail');
    expect(over.explanation).toBe('The council has 30 members for 89 representatives; at most 1/3 (29) allowed.');
    expect(over.explanationZh).toContain('理事会 30 人，会员代表 89 人');
  });

  it('warns when the representatives are unknown', () => {
    expect(
      rule(evaluateGovernance({ terms: [term({ representatives: null })], today: TODAY }), 'council_size').status,
    ).toBe('warn');
  });
});

describe('rule 2: ≥ 3/4 of the council are frontline scientists', () => {
  it('passes at exactly three quarters and fails one below', () => {
    const exact = term({ roster: roster(20, { frontline: 15 }) });
    expect(rule(evaluateGovernance({ terms: [exact], today: TODAY }), 'council_frontline').status).toBe('pass');
    const below = term({ roster: roster(20, { frontline: 14 }) });
    const result = rule(evaluateGovernance({ terms: [below], today: TODAY }), 'council_frontline');
    expect(result.status).toBe('fail');
    expect(result.explanation).toBe('14 of 20 council members are frontline scientists; at least 3/4 (15) required.');
  });

  it('never turns from pass to fail when a frontline member joins', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (size, frontlineRaw) => {
        const frontline = Math.min(frontlineRaw, size);
        const before = rule(
          evaluateGovernance({ terms: [term({ roster: roster(size, { frontline }) })], today: TODAY }),
          'council_frontline',
        );
        const grown = [...roster(size, { frontline }), member({ frontline: true })];
        const after = rule(evaluateGovernance({ terms: [term({ roster: grown })], today: TODAY }), 'council_frontline');
        if (before.status === 'pass') expect(after.status).toBe('pass');
      }),
    );
  });
});

describe('rule 3: ≥ 2/3 of the standing council are frontline scientists', () => {
  it('passes at exactly two thirds and fails below', () => {
    expect(
      rule(
        evaluateGovernance({
          terms: [term({ roster: roster(30, { standing: 9, standingFrontline: 6 }) })],
          today: TODAY,
        }),
        'standing_frontline',
      ).status,
    ).toBe('pass');
    expect(
      rule(
        evaluateGovernance({
          terms: [term({ roster: roster(30, { standing: 9, standingFrontline: 5 }) })],
          today: TODAY,
        }),
        'standing_frontline',
      ).status,
    ).toBe('fail');
  });
});

describe('rule 4: standing council ≤ 1/3 of the council', () => {
  it('passes at exactly one third and fails one above', () => {
    expect(
      rule(
        evaluateGovernance({ terms: [term({ roster: roster(30, { standing: 10 }) })], today: TODAY }),
        'standing_size',
      ).status,
    ).toBe('pass');
    expect(
      rule(
        evaluateGovernance({ terms: [term({ roster: roster(30, { standing: 11 }) })], today: TODAY }),
        'standing_size',
      ).status,
    ).toBe('fail');
  });
});

describe('rule 5: term length and re-election', () => {
  const at = (endOn: string, today: string, startOn = '2021-12-01') =>
    rule(evaluateGovernance({ terms: [term({ startOn, endOn })], today }), 'term_and_reelection');

  it('warns when the term ends today, and fails the day after', () => {
    expect(at('2026-11-22', '2026-11-22').status).toBe('warn');
    const overdue = at('2026-11-22', '2026-11-23');
    expect(overdue.status).toBe('fail');
    expect(overdue.explanation).toContain('1 days overdue');
  });

  it('warns from 180 days before the end and passes at 181', () => {
    expect(at('2027-05-21', '2026-11-22', '2022-06-01').status).toBe('warn');
    expect(at('2027-05-22', '2026-11-22', '2022-06-01').status).toBe('pass');
  });

  it('fails a term longer than five years', () => {
    expect(at('2029-06-01', '2026-11-22', '2024-05-31').status).toBe('fail');
    expect(at('2029-05-31', '2026-11-22', '2024-06-01').status).toBe('pass');
  });
});

describe('rule 6: chair and secretary-general', () => {
  const withChair = (birthYear: number, terms = 1): TermFacts[] =>
    Array.from({ length: terms }, (_, i) => {
      const start = 2026 - 5 * (terms - 1 - i);
      const r = roster(30, { standing: 10 }).map((m) =>
        m.position === 'chair' ? { ...m, personName: '王理事长', birthYear } : m,
      );
      return term({ sequence: i + 1, startOn: `${start - 1}-12-01`, endOn: `${start + 4}-11-30`, roster: r });
    });

  it('accepts age 70 at election and refuses 71', () => {
    // Current term starts 2025-12-01: born 1955 → 70.
    expect(rule(evaluateGovernance({ terms: withChair(1955), today: TODAY }), 'leader_terms_and_age').status).toBe(
      'pass',
    );
    const old = rule(evaluateGovernance({ terms: withChair(1954), today: TODAY }), 'leader_terms_and_age');
    expect(old.status).toBe('fail');
    expect(old.explanationZh).toContain('当选时 71 岁');
  });

  it('accepts two consecutive terms and refuses a third', () => {
    expect(rule(evaluateGovernance({ terms: withChair(1960, 2), today: TODAY }), 'leader_terms_and_age').status).toBe(
      'pass',
    );
    const third = rule(evaluateGovernance({ terms: withChair(1960, 3), today: TODAY }), 'leader_terms_and_age');
    expect(third.status).toBe('fail');
    expect(third.explanation).toContain('3rd consecutive term');
  });

  /** Three terms whose chairs are given as [name, birth year, employer]. */
  const chairs = (...people: [string, number | null, string | null][]): TermFacts[] =>
    people.map(([personName, birthYear, employer], i) => {
      const start = 2026 - 5 * (people.length - 1 - i);
      // A new secretary-general each term, so only the chair can serve consecutively.
      const r = roster(30, { standing: 10 }).map((m) =>
        m.position === 'chair'
          ? { ...m, personName, birthYear, employer }
          : m.position === 'secretary_general'
            ? { ...m, personName: `秘书长${i}` }
            : m,
      );
      return term({ sequence: i + 1, startOn: `${start - 1}-12-01`, endOn: `${start + 4}-11-30`, roster: r });
    });
  const leaders = (terms: TermFacts[]) => rule(evaluateGovernance({ terms, today: TODAY }), 'leader_terms_and_age');

  it('counts the same chair written with spaces or full-width forms as one person ("王 连任" is "王连任")', () => {
    const third = leaders(chairs(['王连任', 1960, null], ['王 连任', 1960, null], ['王\u3000连任 ', 1960, null]));
    expect(third.status).toBe('fail');
    expect(third.explanation).toContain('3rd consecutive term');
  });

  it('does not count a namesake: another birth year, or, with a birth year missing, another employer', () => {
    expect(leaders(chairs(['王伟', 1958, null], ['王伟', 1960, null], ['王伟', 1960, null])).status).toBe('pass');
    expect(
      leaders(chairs(['王伟', null, '海川大学'], ['王伟', 1960, '海川理工大学'], ['王伟', 1960, '海川理工大学']))
        .status,
    ).toBe('pass');
    // The same employer (written differently) with a birth year missing: the same person.
    expect(
      leaders(chairs(['王伟', null, '海川 理工大学'], ['王伟', 1960, '海川理工大学'], ['王伟', 1960, null])).status,
    ).toBe('fail');
  });

  it('samePerson and personNameKey: whitespace and width never tell people apart, a birth year does', () => {
    expect(personNameKey(' 王\u3000连\u200b任 ')).toBe('王连任');
    expect(personNameKey('Ｌｉ  Ming')).toBe('liming');
    const a = { personName: '王连任', birthYear: 1960, employer: null };
    expect(samePerson(a, { personName: '王 连任', birthYear: null, employer: '海川大学' })).toBe(true);
    expect(samePerson(a, { personName: '王连任', birthYear: 1961, employer: null })).toBe(false);
    expect(samePerson({ ...a, personName: '  ' }, { ...a, personName: '' })).toBe(false);
  });
});

describe('rules 7 and 8', () => {
  it('says "1 supervisor", not "supervisor(s)", and counts council members in the right number', () => {
    const one = rule(evaluateGovernance({ terms: [term()], today: TODAY }), 'supervisors_present');
    expect(one.explanation).toBe('1 supervisor recorded.');
    const two = [...roster(30, { standing: 10 }), member({ personName: '监事乙', position: 'supervisor' })];
    expect(
      rule(evaluateGovernance({ terms: [term({ roster: two })], today: TODAY }), 'supervisors_present').explanation,
    ).toBe('2 supervisors recorded.');
    const tiny = rule(
      evaluateGovernance({ terms: [term({ roster: roster(1), representatives: 1 })], today: TODAY }),
      'council_size',
    );
    expect(tiny.explanation).toMatch(/^The council has 1 member for 1 representative;/);
  });

  it('fails without supervisors', () => {
    const noSupervisors = roster(30, { standing: 10 }).filter((m) => m.position !== 'supervisor');
    expect(
      rule(evaluateGovernance({ terms: [term({ roster: noSupervisors })], today: TODAY }), 'supervisors_present')
        .status,
    ).toBe('fail');
  });

  it('names the officials without an approval reference', () => {
    const r = [
      ...roster(30, { standing: 10 }),
      member({ personName: '李局长', official: true }),
      member({ personName: '赵主任', official: true, approvalRef: '津组干〔2024〕12号' }),
    ];
    const result = rule(
      evaluateGovernance({ terms: [term({ roster: r, representatives: 300 })], today: TODAY }),
      'officials_approved',
    );
    expect(result.status).toBe('fail');
    expect(result.explanationZh).toBe('2 名兼职领导干部中 1 人缺少审批文号：李局长。');
  });
});

describe('the whole checklist', () => {
  it('passes a well-governed society and warns when nothing is recorded', () => {
    const results = evaluateGovernance({ terms: [term()], today: TODAY });
    expect(results).toHaveLength(8);
    expect(overallStatus(results)).toBe('pass');
    expect(overallStatus(evaluateGovernance({ terms: [], today: TODAY }))).toBe('warn');
  });
});
