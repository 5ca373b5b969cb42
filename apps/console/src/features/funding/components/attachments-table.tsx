import { PaperClipOutlined } from '@ant-design/icons';
import { Empty, Flex, Table } from 'antd';
import { formatFileSize } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import type { Attachment } from '../api/types';

/** The attachments of a submitted application, as a list. */
export function AttachmentsTable({ attachments }: { attachments: readonly Attachment[] }) {
  const { t } = useI18n();
  if (attachments.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('funding.attachments.none')}
        data-testid="application-attachments-empty"
      />
    );
  }
  return (
    <Table<Attachment & { key: number }>
      size="small"
      pagination={false}
      dataSource={attachments.map((a, key) => ({ ...a, key }))}
      columns={[
        {
          title: t('funding.attachments.name'),
          key: 'name',
          render: (_, a) => (
            <Flex gap={6} align="center">
              <PaperClipOutlined style={{ color: '#8c8c8c' }} />
              {a.name}
            </Flex>
          ),
        },
        {
          title: t('funding.attachments.sizeColumn'),
          key: 'size',
          width: 120,
          align: 'right',
          render: (_, a) => formatFileSize(a.sizeBytes) ?? t('common.none'),
        },
        { title: t('funding.attachments.note'), key: 'note', render: (_, a) => a.note ?? t('common.none') },
      ]}
      data-testid="application-attachments"
    />
  );
}
