import type { MemberStatus } from '@society-hub/domain';
import { isApiError } from '@/lib/api-client';
import type { MessageKey } from '@/lib/i18n';

/** The name of a status change, as its button and its modal say it. */
export function memberActionKey(from: MemberStatus, to: MemberStatus): MessageKey {
  if (to === 'active') return from === 'applied' ? 'member.action.approve' : 'member.action.active';
  return `member.action.${to}`;
}

/** 422 `dues_unpaid`: a lapsed membership comes back only once this year's dues are recorded. */
export function isDuesUnpaid(error: unknown): boolean {
  return isApiError(error) && (error.problem.errors ?? []).some((issue) => issue.code === 'dues_unpaid');
}
