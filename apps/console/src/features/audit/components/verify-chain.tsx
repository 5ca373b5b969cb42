import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { onDemand } from '@/components/on-demand';
import { useI18n } from '@/lib/i18n';
import { useAuditVerification } from '../api/verify-audit-log';

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

/** The outcome of the last check, fetched once there is one (see `onDemand`). */
export const VerifyChainResult = onDemand(
  () => import('./verify-chain-result').then((m) => m.VerifyChainResult),
  ({ verification }) => verification.isError || verification.data !== undefined,
);
