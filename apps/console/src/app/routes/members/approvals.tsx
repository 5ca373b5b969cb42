import { ApprovalQueue } from '@/features/members/components/approval-queue';

export function MemberApprovalsRoute() {
  return <ApprovalQueue />;
}
