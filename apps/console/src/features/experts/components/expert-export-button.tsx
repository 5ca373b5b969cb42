import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useExportExperts } from '../api/export-experts';
import type { ExpertExportFormat } from '../api/types';
import { type ExpertFilters, expertExportQuery } from './expert-filters';

const FORMATS: readonly ExpertExportFormat[] = ['xlsx', 'csv'];

/** Downloads the experts the page's filters select, as Excel or CSV (phones and ID numbers masked). */
export function ExpertExportButton({ filters }: { filters: ExpertFilters }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const exporter = useExportExperts();
  const filtered = Object.keys(expertExportQuery(filters, 'xlsx')).length > 1;
  return (
    <Dropdown
      trigger={['click']}
      disabled={exporter.isPending}
      menu={{
        items: [
          {
            type: 'group',
            // Whether the file holds every expert or only those the page shows.
            label: (
              <span data-testid="expert-export-scope">
                {t(filtered ? 'expert.export.filtered' : 'expert.export.all')}
              </span>
            ),
            children: FORMATS.map((format) => ({
              key: format,
              label: <span data-testid={`expert-export-${format}`}>{t(`expert.export.${format}`)}</span>,
            })),
          },
        ],
        onClick: ({ key }) => {
          const format = FORMATS.find((value) => value === key);
          if (!format) return;
          exporter.mutate(expertExportQuery(filters, format), {
            onSuccess: (name) => message.success(t('expert.export.done', { name })),
            onError: (error) => message.error(problemMessage(error, i18n)),
          });
        },
      }}
    >
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} data-testid="expert-export">
        {t('expert.export.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
