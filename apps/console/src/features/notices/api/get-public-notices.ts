import { useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { noticeKeys } from './keys';
import type { PublicNoticeList } from './types';

/** What is under public notice now, and notices ended in the last 30 days; no login needed. */
export async function getPublicNotices(signal?: AbortSignal): Promise<PublicNoticeList> {
  return expectData(await api.GET('/v1/public/notices', { signal }));
}

export function usePublicNotices() {
  return useQuery({ queryKey: noticeKeys.list(), queryFn: ({ signal }) => getPublicNotices(signal) });
}
