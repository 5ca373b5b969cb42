import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPhone, normalisePhone, PHONE_PATTERN } from './phone';

describe('phone numbers', () => {
  it('takes mainland mobiles and landlines with an area code', () => {
    for (const phone of ['13800138000', '19912345678', '+8613800138000', '+86 13800138000', '010-12345678']) {
      expect(isPhone(phone), phone).toBe(true);
    }
    for (const phone of ['0571-8888888', '02112345678', '0539-8123456']) expect(isPhone(phone), phone).toBe(true);
  });

  it('refuses numbers that are neither', () => {
    for (const phone of ['12345', '12345678901', '1380013800', '138001380001', '8888888', '010-123456', 'abc']) {
      expect(isPhone(phone), phone).toBe(false);
    }
  });

  it('folds full-width digits and spaces as typed on a Chinese keyboard', () => {
    expect(normalisePhone('１３８ ００１３ ８０００')).toBe('13800138000');
    expect(normalisePhone('０５７１－８８８８８８８')).toBe('0571-8888888');
    expect(isPhone('１３８００１３８０００')).toBe(true);
  });

  it('holds the schema pattern and the check together', () => {
    const pattern = new RegExp(PHONE_PATTERN);
    const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([d, r]) => `1${d}${r}`);
    fc.assert(fc.property(mobile, (phone) => pattern.test(phone) && isPhone(phone)));
    // Fewer digits than the shortest landline (area code and seven digits).
    fc.assert(fc.property(fc.stringMatching(/^\d{1,9}$/), (digits) => !isPhone(digits)));
  });
});
