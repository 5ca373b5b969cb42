import { formatYuan } from '@society-hub/domain';
import { Typography } from 'antd';

/**
 * Money is whole fen in the API and yuan with two decimals on screen. The inputs work on decimal
 * strings (InputNumber's string mode), so 0.1 + 0.2 never happens: "1234.56" becomes 123456 fen by
 * its digits, not by floating-point multiplication.
 */
const YUAN = /^(\d{1,12})(?:\.(\d{0,2}))?$/;

/** Whole fen of a yuan amount typed as text or number; NaN when it is not a non-negative amount with ≤ 2 decimals. */
export function yuanToFen(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = YUAN.exec(text);
  if (!match) return Number.NaN;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** The yuan text of whole fen for an input: 12_000_050 → "120000.50". */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** ¥120,000.00; "—" for nothing. */
export function Yuan({
  fen,
  strong,
  type,
}: {
  fen: number | null | undefined;
  strong?: boolean;
  type?: 'secondary' | 'success' | 'danger';
}) {
  if (fen === null || fen === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text strong={strong} type={type} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatYuan(fen)}
    </Typography.Text>
  );
}
