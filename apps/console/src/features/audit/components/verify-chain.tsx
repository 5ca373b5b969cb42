import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useI18n } from '@/app/i18n';
import { formatDateTime } from '@/lib/format';
import { problemMessage } from '@/lib/problem-message';
import { useAuditVerification } from '../api/verify-audit-log';

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  wordBreak: 'break-all',
} as const;

export function useVerifyChain() {
  return useAuditVerification();
}

export function VerifyChainButton({ verification }: { verification: ReturnType<typeof useVerifyChain> }) {
  const { t } = useI18n();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verification.isFetching}
      onClick={() => void verification.refetch()}
      data-testid="audit-verify"
    >
      {t('audit.verify.button')}
    </Button>
  );
}

/** The outcome of the last check: green with the head hash to keep elsewhere, or red naming the broken entry. */
export function VerifyChainResult({ verification }: { verification: ReturnType<typeof useVerifyChain> }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (verification.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t('audit.verify.failed')}
        description={problemMessage(verification.error, i18n)}
      />
    );
  const result = verification.data;
  if (!result) return null;
  const checkedAt = formatDateTime(new Date(verification.dataUpdatedAt).toISOString());
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verify-result"
        data-ok="true"
        title={t('audit.verify.ok', { n: result.checked })}
        description={
          result.headHash ? (
            <>
              <div>{t('audit.verify.head', { seq: result.headSeq ?? 0, at: checkedAt })}</div>
              <Typography.Text copyable style={mono}>
                {result.headHash}
              </Typography.Text>
              <div style={{ marginTop: 4, color: '#8c8c8c' }}>{t('audit.verify.keepHead')}</div>
            </>
          ) : (
            t('audit.verify.emptyChain')
          )
        }
      />
    );
  const broken = result.brokenAt;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      data-ok="false"
      title={t('audit.verify.broken', { seq: broken?.seq ?? '?' })}
      description={
        <>
          <div>{broken ? t(`audit.verify.reason.${broken.reason}`) : t('common.none')}</div>
          <div style={{ marginTop: 4 }}>{t('audit.verify.checkedBefore', { n: result.checked, at: checkedAt })}</div>
          {broken?.detail && (
            <Typography.Text type="secondary" style={mono}>
              {broken.detail}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
