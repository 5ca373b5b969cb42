import { useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  latest: () => [...notificationKeys.all, 'latest'] as const,
};

/** How many of the signed-in person's notifications are unread: looked at again every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: async ({ signal }) => expectData(await api.GET('/v1/me/notifications/unread-count', { signal })).unread,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}
