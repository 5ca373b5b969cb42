import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

export interface PlainColumn<Row> {
  key: string;
  title: ReactNode;
  align?: 'left' | 'right';
  width?: number;
  render: (row: Row) => ReactNode;
}

/**
 * A few read-only rows drawn as a plain HTML table in the look of antd's small bordered table. For
 * short lists on pages that must load fast on a phone (the reviewer's application view): antd's Table
 * brings sorting, filtering, pagination and virtual scrolling, some 50 KB, that a budget of five lines
 * never uses. Lists people sort, filter or page through keep antd's Table.
 */
export function PlainTable<Row>({
  columns,
  rows,
  rowKey,
  summary,
  empty,
  'data-testid': testId,
}: {
  columns: PlainColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** A last row under the others, e.g. a total. */
  summary?: ReactNode;
  empty?: ReactNode;
  'data-testid'?: string;
}) {
  const { token } = theme.useToken();
  const cell: CSSProperties = {
    padding: '8px 8px',
    border: `1px solid ${token.colorBorderSecondary}`,
    overflowWrap: 'anywhere',
  };
  return (
    <div style={{ overflowX: 'auto' }} data-testid={testId}>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: token.fontSize }}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                style={{
                  ...cell,
                  width: column.width,
                  textAlign: column.align ?? 'left',
                  background: token.colorFillAlter,
                  fontWeight: 600,
                }}
              >
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} style={{ ...cell, textAlign: 'center', color: token.colorTextDescription }}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} style={{ ...cell, textAlign: column.align ?? 'left' }}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
          {summary}
        </tbody>
      </table>
    </div>
  );
}
