import { Flex } from 'antd';
import { PageHeader } from '@/components/page-header';
import { AuditList } from '@/features/audit/components/audit-list';
import { useVerifyChain, VerifyChainButton, VerifyChainResult } from '@/features/audit/components/verify-chain';
import { useI18n } from '../i18n';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/audit';

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
