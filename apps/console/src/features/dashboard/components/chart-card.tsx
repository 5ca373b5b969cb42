import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Empty, Flex, Spin, Typography } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { Card } from '@/components/card';
import { useI18n } from '@/lib/i18n';
import { downloadTable, type TableCell, type TableFormat } from '@/lib/table-file';

function ChartFallback() {
  return (
    <Flex align="center" justify="center" style={{ height: 220 }}>
      <Spin />
    </Flex>
  );
}

/** Export of a figure or a table as CSV or Excel: the rows it shows, a header row first. */
export function ExportMenu({
  fileName,
  rows,
  testId,
}: {
  fileName: string;
  rows: () => TableCell[][];
  testId: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = (format: TableFormat) => {
    downloadTable(fileName, format, rows()).catch((error: unknown) =>
      message.error(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'csv', label: t('dashboard.export.csv'), onClick: () => save('csv') },
          { key: 'xlsx', label: t('dashboard.export.xlsx'), onClick: () => save('xlsx') },
        ],
      }}
    >
      <Button size="small" type="text" icon={<DownloadOutlined />} data-testid={testId}>
        {t('dashboard.export')}
      </Button>
    </Dropdown>
  );
}

/**
 * One figure of the dashboard: its title, the chart (loaded lazily with ECharts), a hint that the chart
 * leads to its list, and the export of exactly the numbers drawn.
 */
export function ChartCard({
  title,
  testId,
  exportName,
  rows,
  empty,
  drill = true,
  children,
}: {
  title: string;
  testId: string;
  /** File name (without extension) of the export. */
  exportName: string;
  /** The chart's data, a header row first. */
  rows: () => TableCell[][];
  empty: boolean;
  drill?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      styles={{ body: { paddingTop: 8 } }}
      extra={<ExportMenu fileName={exportName} rows={rows} testId={`${testId}-export`} />}
    >
      {empty ? (
        <Flex align="center" justify="center" style={{ height: 220 }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.chart.empty')} />
        </Flex>
      ) : (
        <>
          <Suspense fallback={<ChartFallback />}>{children}</Suspense>
          {drill && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.chart.drill')}
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
