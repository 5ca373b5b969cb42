import { ApprovalQueue } from '@/features/members/components/approval-queue';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/labels';
import '@/app/messages/members';

export function MemberApprovalsRoute() {
  return <ApprovalQueue />;
}
