import { useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';

/** Every notification query starts with this key: marking one read refreshes them all. */
export const NOTIFICATIONS = 'notifications';

/** How many of the signed-in person's notifications are unread: looked at again every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [NOTIFICATIONS, 'unread'],
    queryFn: async ({ signal }) => expectData(await api.GET('/v1/me/notifications/unread-count', { signal })).unread,
    refetchInterval: 60_000,
  });
}
