/**
 * Money in the funding module is an integer number of fen (分, 1/100 yuan), so sums are exact and a
 * budget check never suffers from floating-point drift. Messages show amounts as yuan with two
 * decimals and thousands separators: 12_000_000 fen → "¥120,000.00".
 */

/** A non-negative whole number of fen. */
export function isFenAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** "¥120,000.00" for 12_000_000; "-¥0.05" for -5; a value that is not whole fen is shown as given. */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) return `${fen} fen`;
  return `${fen < 0 ? '-' : ''}¥${yuanDigits(Math.abs(fen))}`;
}

/** "120,000.00" for 12_000_000: the amount without its currency sign, for text that names 元 itself. */
export function yuanDigits(fen: number): string {
  if (!Number.isSafeInteger(fen)) return `${fen} fen`;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const YUAN = /^(\d{1,12})(?:\.(\d{0,2}))?$/;

/**
 * Whole fen of a yuan amount typed as text or a number; NaN when it is not a non-negative amount with
 * at most two decimals. Read by its digits, never by multiplying a float: "0.29" is 29 fen, where
 * 0.29 * 100 is 28.999999999999996.
 */
export function yuanToFen(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  const match = YUAN.exec(typeof value === 'number' ? String(value) : value.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The yuan text of whole fen for an input: 12_000_050 → "120000.50". */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
