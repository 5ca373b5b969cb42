import { maskIdNumber, normaliseIdNumber } from '@society-hub/domain';
import { Alert, Button, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import type { FieldColumn } from './columns';
import type { Sheet } from './spreadsheet';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(importWizardMessages);

/** Step 2: which column of the file holds which field. */
export function MappingStep({
  fields,
  mapHint,
  sheet,
  fileName,
  mapping,
  onChange,
  problems,
  onBack,
  onNext,
}: {
  fields: readonly FieldColumn[];
  mapHint: MessageKey;
  sheet: Sheet;
  fileName: string;
  mapping: readonly (string | undefined)[];
  onChange: (mapping: (string | undefined)[]) => void;
  problems: string[];
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useI18n();
  const byField = new Map(fields.map((column) => [column.field, column]));
  const rows = sheet.headers.map((header, index) => ({
    index,
    header,
    sample: sheet.text.find((cells) => (cells[index] ?? '') !== '')?.[index] ?? '',
  }));
  const columns: TableColumnsType<(typeof rows)[number]> = [
    {
      title: t('import.map.column'),
      dataIndex: 'header',
      width: 200,
      render: (header: string) => <strong>{header}</strong>,
    },
    {
      title: t('import.map.sample'),
      key: 'sample',
      ellipsis: true,
      render: (_, row) => {
        const field = mapping[row.index];
        // ID numbers are shown masked here as everywhere else in the console.
        const masked = row.sample && field && byField.get(field)?.idNumber;
        return (
          <Typography.Text type="secondary">
            {masked ? maskIdNumber(normaliseIdNumber(row.sample)) : row.sample || t('common.none')}
          </Typography.Text>
        );
      },
    },
    {
      title: t('import.map.field'),
      key: 'field',
      width: 240,
      render: (_, row) => (
        <Select<string>
          value={mapping[row.index] ?? 'ignore'}
          onChange={(value) => {
            const next = mapping.slice();
            next[row.index] = value === 'ignore' ? undefined : value;
            onChange(next);
          }}
          options={[
            { value: 'ignore', label: t('import.map.ignore') },
            ...fields.map((column) => ({ value: column.field, label: t(column.label) })),
          ]}
          // A score of fields: a plain list, every option in reach without scrolling a virtual window.
          virtual={false}
          listHeight={400}
          style={{ width: '100%' }}
          data-testid={`import-map-${row.index}`}
        />
      ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title={t('import.upload.loaded', { file: fileName, rows: sheet.rows.length, columns: sheet.headers.length })}
        description={t(mapHint)}
        data-testid="import-loaded"
      />
      <Table
        rowKey="index"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="import-mapping"
      />
      {problems.map((problem) => (
        <Alert key={problem} type="error" showIcon title={problem} data-testid="import-map-problem" />
      ))}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button type="primary" disabled={problems.length > 0} onClick={onNext} data-testid="import-check">
          {t('import.check.run')}
        </Button>
      </Flex>
    </Flex>
  );
}
