import { maskIdNumber, normaliseIdNumber } from '@society-hub/domain';
import { Flex, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import type { FieldColumn } from './columns';
import { OUTCOME_COLORS, type RowReport } from './report';
import type { Sheet } from './spreadsheet';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(importWizardMessages);

/** The rows of the file with the outcome of the check or the import, errors first named by field. */
interface PreviewRow {
  index: number;
  name: string;
  /** The preview fields' cells as the file has them. */
  cells: string[];
  report: RowReport | undefined;
}

export function PreviewTable({
  nameLabel,
  preview,
  sheet,
  mapping,
  reports,
  errorsOnly,
  nameIndex,
  fieldLabel,
}: {
  nameLabel: MessageKey;
  preview: readonly FieldColumn[];
  sheet: Sheet;
  mapping: readonly (string | undefined)[];
  reports: (RowReport | undefined)[];
  errorsOnly: boolean;
  nameIndex: number;
  fieldLabel: (field: string) => string;
}) {
  const { t } = useI18n();
  const rows: PreviewRow[] = sheet.text
    .map((cells, index) => ({
      index,
      name: cells[nameIndex] ?? '',
      cells: preview.map(({ field }) => {
        const column = mapping.indexOf(field);
        return column < 0 ? '' : (cells[column] ?? '');
      }),
      report: reports[index],
    }))
    .filter((row) => !errorsOnly || row.report?.outcome === 'error');
  const none = t('common.none');
  const columns: TableColumnsType<PreviewRow> = [
    { title: t('import.check.row'), dataIndex: 'index', width: 70, render: (index: number) => index + 2 },
    { title: t(nameLabel), dataIndex: 'name', width: 140 },
    ...preview.map(({ field, label, idNumber }, position) =>
      idNumber
        ? {
            title: t(label),
            key: field,
            width: 180,
            render: (_: unknown, row: PreviewRow) => {
              const value = row.cells[position];
              return (
                <span style={{ fontFamily: 'monospace' }}>{value ? maskIdNumber(normaliseIdNumber(value)) : none}</span>
              );
            },
          }
        : {
            title: t(label),
            key: field,
            ellipsis: true,
            render: (_: unknown, row: PreviewRow) => row.cells[position] || none,
          },
    ),
    {
      title: t('import.check.outcome'),
      key: 'outcome',
      width: 100,
      render: (_, row) =>
        row.report ? (
          <Tag
            color={OUTCOME_COLORS[row.report.outcome]}
            data-testid="import-outcome"
            data-outcome={row.report.outcome}
          >
            {t(`import.outcome.${row.report.outcome}`)}
          </Tag>
        ) : (
          <Spin size="small" />
        ),
    },
    {
      title: t('import.check.errors'),
      key: 'errors',
      width: 360,
      render: (_, row) =>
        row.report && row.report.problems.length > 0 ? (
          <Flex vertical gap={2}>
            {row.report.problems.map((problem) => (
              <Typography.Text type="danger" key={`${problem.field ?? ''}:${problem.text}`}>
                {problem.field ? `${fieldLabel(problem.field)}：` : ''}
                {problem.text}
              </Typography.Text>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{none}</Typography.Text>
        ),
    },
  ];
  return (
    <Table<PreviewRow>
      rowKey="index"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      rowClassName={(row) => (row.report?.outcome === 'error' ? 'import-row-error' : '')}
      scroll={{ x: 960 }}
      data-testid="import-preview"
    />
  );
}
