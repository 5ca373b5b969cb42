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
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}
