import { describe, expect, it } from 'vitest';
import { countOf, resolvePlurals } from './plural';

describe('countOf', () => {
  it('puts the English noun in the right number', () => {
    expect(countOf(1, 'member')).toBe('1 member');
    expect(countOf(0, 'member')).toBe('0 members');
    expect(countOf(2, 'reviewer total')).toBe('2 reviewer totals');
    expect(countOf(3, 'person', 'people')).toBe('3 people');
  });
});

describe('resolvePlurals', () => {
  const template = '{n, plural, one {# member} other {# members}} in {name}';

  it('chooses the branch Intl.PluralRules gives, with # as the number, and leaves other placeholders', () => {
    expect(resolvePlurals('en', template, { n: 1, name: 'x' })).toBe('1 member in {name}');
    expect(resolvePlurals('en', template, { n: 0 })).toBe('0 members in {name}');
    expect(resolvePlurals('en', template, { n: 21 })).toBe('21 members in {name}');
    expect(resolvePlurals('en', template, { n: '1' })).toBe('1 member in {name}');
  });

  it('prefers an exact =N branch, and Chinese (one form) takes other', () => {
    expect(resolvePlurals('en', '{n, plural, =0 {none} one {# left} other {# left}}', { n: 0 })).toBe('none');
    expect(resolvePlurals('zh', '{n, plural, other {# 人}}', { n: 1 })).toBe('1 人');
  });

  it('leaves the template alone without a number', () => {
    expect(resolvePlurals('en', template, {})).toBe(template);
    expect(resolvePlurals('en', template, { n: 'many' })).toBe(template);
  });
});
