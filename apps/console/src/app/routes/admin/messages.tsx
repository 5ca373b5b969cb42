import { PageHeader } from '@/components/page-header';
import { MessageList } from '@/features/message-log/components/message-list';
import { messageLogMessages } from '@/features/message-log/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { RequirePolicy } from '../require-policy';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(messageLogMessages);

/**
 * 发信记录: every e-mail and SMS the platform sent, for the administrator only (the auditor reads the rest
 * of 系统管理 but not people's addresses and links). The policy is checked here rather than in the router
 * to keep the entry chunk, which the login page loads, as it was.
 */
export function MessagesRoute() {
  return (
    <RequirePolicy allow={policies.viewMessages}>
      <MessageLogPage />
    </RequirePolicy>
  );
}

function MessageLogPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.admin') }, { title: t('nav.messages') }]}
        title={t('messageLog.title')}
        subTitle={t('messageLog.description')}
      />
      <MessageList />
    </>
  );
}
