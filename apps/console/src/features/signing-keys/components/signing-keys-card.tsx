import { SyncOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Table, type TableColumnsType, Typography } from 'antd';
import { Card } from '@/components/card';
import { QueryError } from '@/components/query-error';
import { errorStatus } from '@/lib/api-client';
import { policies } from '@/lib/authorization';
import { formatDateTime } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useCurrentUser } from '@/lib/session';
import { useSigningKeys } from '../api/get-signing-keys';
import { useRotateSigningKey } from '../api/rotate-signing-key';
import type { SigningKey } from '../api/types';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;

export function SigningKeysCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const { modal, message } = App.useApp();
  const keys = useSigningKeys();
  const rotate = useRotateSigningKey();

  function confirmRotate() {
    modal.confirm({
      title: t('signingKey.rotateTitle'),
      content: t('signingKey.rotateHint'),
      okText: t('signingKey.rotate'),
      okButtonProps: { 'data-testid': 'signing-key-rotate-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        rotate
          .mutateAsync()
          .then((key) => {
            message.success(t('signingKey.rotated', { kid: key.kid }));
          })
          .catch((error: unknown) => {
            message.error(errorStatus(error) === 409 ? t('signingKey.managedByConfig') : problemMessage(error, i18n));
          }),
    });
  }

  const columns: TableColumnsType<SigningKey> = [
    {
      title: t('signingKey.field.kid'),
      dataIndex: 'kid',
      render: (_, key) => (
        <Typography.Text style={mono} copyable>
          {key.kid}
        </Typography.Text>
      ),
    },
    { title: t('signingKey.field.algorithm'), dataIndex: 'algorithm', width: 100 },
    {
      title: t('admin.field.status'),
      dataIndex: 'active',
      width: 150,
      render: (_, key) => (
        <Badge
          status={key.active ? 'success' : 'default'}
          text={key.active ? t('signingKey.active') : t('signingKey.retired')}
        />
      ),
    },
    {
      title: t('signingKey.field.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (_, key) => formatDateTime(key.createdAt),
    },
    {
      title: t('signingKey.field.retiredAt'),
      dataIndex: 'retiredAt',
      width: 160,
      render: (_, key) => formatDateTime(key.retiredAt),
    },
  ];

  return (
    <Card
      title={t('signingKey.title')}
      extra={
        policies.manageAdministration(user) && (
          <Button
            icon={<SyncOutlined />}
            onClick={confirmRotate}
            loading={rotate.isPending}
            data-testid="signing-key-rotate"
          >
            {t('signingKey.rotate')}
          </Button>
        )
      }
      styles={{ body: { padding: 0 } }}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '12px 16px' }}>
        {t('signingKey.description')}
      </Typography.Paragraph>
      {keys.isError ? (
        <QueryError error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <Table<SigningKey>
          rowKey="kid"
          columns={columns}
          dataSource={keys.data?.items ?? []}
          loading={keys.isPending}
          pagination={false}
          tableLayout="fixed"
          locale={{ emptyText: <Empty description={t('signingKey.empty')} /> }}
          data-testid="signing-keys-table"
        />
      )}
    </Card>
  );
}
