import { formatYuan } from '@society-hub/domain';
import { Typography } from 'antd';

/**
 * Money is whole fen in the API and yuan with two decimals on screen; the conversions are the domain's
 * (`yuanToFen`, `fenToYuan`: by the digits, never through a float).
 */

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
