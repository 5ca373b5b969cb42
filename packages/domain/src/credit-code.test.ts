import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  checkCreditCode,
  creditCodeCheckCharacter,
  normaliseCreditCode,
  withCreditCodeCheck,
} from './credit-code';

describe('GB 32100 check character', () => {
  it('matches the standard’s published example 91350100M000100Y43', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(checkCreditCode('91350100M000100Y43').map((i) => i.code)).toEqual(['credit_code_not_social_organisation']);
  });

  it('matches check characters computed independently', () => {
    expect(creditCodeCheckCharacter('51370800MJ1234567')).toBe('D');
    expect(creditCodeCheckCharacter('51110000500000456')).toBe('R');
    expect(creditCodeCheckCharacter('12100000400000243')).toBe('M');
  });

  it('accepts a valid social organisation code', () => {
    expect(checkCreditCode('51370800MJ1234567D')).toEqual([]);
  });

  it('reports a wrong check character as overridable and names the expected one', () => {
    const issues = checkCreditCode('51370800MJ1234567X');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'credit_code_checksum', overridable: true });
    expect(issues[0]?.message).toContain('should be D');
  });

  it('rejects a wrong shape without override', () => {
    for (const bad of ['', '51370800MJ123456', '51370800MJ1234567DD', '51370800MI1234567D', '51370800mj1234567d']) {
      const issues = checkCreditCode(bad);
      expect(issues.map((i) => i.code)).toEqual(['credit_code_format']);
      expect(issues[0]?.overridable).toBe(false);
    }
  });

  it('normalises case and surrounding blanks', () => {
    expect(normaliseCreditCode('  51370800mj1234567d ')).toBe('51370800MJ1234567D');
  });

  const first17 = fc
    .array(fc.constantFrom(...CREDIT_CODE_ALPHABET.split('')), { minLength: 17, maxLength: 17 })
    .map((chars) => chars.join(''));

  it('round-trips: a completed code always passes its own check', () => {
    fc.assert(
      fc.property(first17, (body) => {
        const code = withCreditCodeCheck(`51${body.slice(2)}`);
        expect(checkCreditCode(code)).toEqual([]);
      }),
    );
  });

  it('detects every single-character substitution', () => {
    fc.assert(
      fc.property(
        first17,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 30 }),
        (body, position, shift) => {
          const code = withCreditCodeCheck(body);
          const original = CREDIT_CODE_ALPHABET.indexOf(code.charAt(position));
          const replacement = CREDIT_CODE_ALPHABET.charAt((original + shift) % 31);
          const altered = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(checkCreditCode(altered).some((i) => i.code === 'credit_code_checksum')).toBe(true);
        },
      ),
    );
  });
});
