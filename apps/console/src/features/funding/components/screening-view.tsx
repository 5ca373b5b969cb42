import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Empty, Flex, Skeleton, Table, type TableColumnsType, Typography } from 'antd';
import { QueryError } from '@/components/query-error';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useScreening } from '../api/applications';
import type { FundingApplication, FundingProgram, ScreeningCheck } from '../api/types';
import { fundingMessages } from '../messages';
import { fundingPanelsMessages } from '../panels-messages';
import { screeningMessage } from './explanations';
import { useFundingLabels } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages, fundingPanelsMessages);

/** 形式审查: every check with ✓ or ✗ and why; for a draft, what the screening would say if it were submitted now. */
export function ScreeningView({ application, program }: { application: FundingApplication; program?: FundingProgram }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useFundingLabels();
  const screening = useScreening(application.id);
  const preview = application.status === 'draft';

  if (screening.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (screening.isError) return <QueryError error={screening.error} onRetry={() => void screening.refetch()} />;
  const result = screening.data;
  const failed = result.checks.filter((c) => !c.passed).length;

  const columns: TableColumnsType<ScreeningCheck> = [
    {
      title: t('funding.screening.result'),
      key: 'passed',
      width: 80,
      align: 'center',
      render: (_, check) =>
        check.passed ? (
          <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} aria-label={t('funding.screening.pass')} />
        ) : (
          <CloseCircleFilled style={{ color: '#ff4d4f', fontSize: 18 }} aria-label={t('funding.screening.fail')} />
        ),
    },
    {
      title: t('funding.screening.check'),
      key: 'check',
      width: 240,
      render: (_, check) => <Typography.Text strong>{labels.check(check.code)}</Typography.Text>,
    },
    {
      title: t('funding.screening.finding'),
      key: 'message',
      render: (_, check) => (
        <Typography.Text type={check.passed ? undefined : 'danger'}>
          {screeningMessage(check, application, program, i18n)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="screening-view" data-passed={result.passed ? 'yes' : 'no'}>
      <Alert
        type={result.passed ? 'success' : preview ? 'warning' : 'error'}
        showIcon
        title={
          result.passed
            ? t(preview ? 'funding.screening.previewPassed' : 'funding.screening.passed', { n: result.checks.length })
            : t(preview ? 'funding.screening.previewFailed' : 'funding.screening.failed', { n: failed })
        }
        description={
          preview
            ? t('funding.screening.previewHint')
            : t('funding.screening.at', { at: formatDateTime(result.screenedAt) })
        }
      />
      <Table<ScreeningCheck>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={result.checks}
        pagination={false}
        locale={{ emptyText: <Empty /> }}
        data-testid="screening-checks"
      />
    </Flex>
  );
}
