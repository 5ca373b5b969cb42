import { Alert, Typography } from 'antd';
import { formatDateTime } from '@/lib/format';
import { registerMessages, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { auditMessages } from '../messages';
import type { useVerifyChain } from './verify-chain';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(auditMessages);

const mono = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  wordBreak: 'break-all',
} as const;

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
