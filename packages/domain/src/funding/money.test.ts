import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, isFenAmount, yuanDigits, yuanToFen } from './money';

describe('formatYuan', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(12_000_000)).toBe('¥120,000.00');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-123_456_789)).toBe('-¥1,234,567.89');
    expect(formatYuan(10.5)).toBe('10.5 fen');
  });

  it('round-trips: the digits read back are the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(Number(formatYuan(fen).replace(/[¥,.]/g, ''))).toBe(fen);
      }),
    );
  });
});

describe('isFenAmount', () => {
  it('accepts non-negative safe integers only', () => {
    expect(isFenAmount(0)).toBe(true);
    expect(isFenAmount(1)).toBe(true);
    expect(isFenAmount(-1)).toBe(false);
    expect(isFenAmount(0.5)).toBe(false);
    expect(isFenAmount(Number.NaN)).toBe(false);
    expect(isFenAmount(2 ** 53)).toBe(false);
  });
});

describe('yuan typed in a form', () => {
  it('becomes whole fen by its digits, never through a float', () => {
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(1234.56)).toBe(123_456);
    expect(yuanToFen(' 120000.5 ')).toBe(12_000_050);
    expect(yuanToFen('12')).toBe(1200);
    for (const bad of ['', '-1', '1.234', 'abc', null, undefined, Number.NaN]) expect(yuanToFen(bad)).toBeNaN();
  });

  it('round-trips through the text an input shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_99 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
        expect(yuanDigits(fen).replace(/,/g, '')).toBe(fenToYuan(fen));
      }),
    );
  });
});
