import { Flex } from 'antd';
import { PageHeader } from '@/components/page-header';
import { AuditList } from '@/features/audit/components/audit-list';
import { useVerifyChain, VerifyChainButton, VerifyChainResult } from '@/features/audit/components/verify-chain';
import { auditMessages } from '@/features/audit/messages';
import { registerMessages, useI18n } from '@/lib/i18n';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(auditMessages);

export function AuditRoute() {
  const { t } = useI18n();
  const verification = useVerifyChain();
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.audit') }]}
        title={t('audit.title')}
        subTitle={t('audit.description')}
        extra={<VerifyChainButton verification={verification} />}
      />
      <Flex vertical gap={16}>
        <VerifyChainResult verification={verification} />
        <AuditList />
      </Flex>
    </>
  );
}
