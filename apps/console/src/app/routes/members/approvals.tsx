import { importWizardMessages } from '@/components/import-wizard/messages';
import { ApprovalQueue } from '@/features/members/components/approval-queue';
import { membersMessages } from '@/features/members/messages';
import { registerMessages } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, membersMessages, importWizardMessages);

export function MemberApprovalsRoute() {
  return <ApprovalQueue />;
}
