import type { paths } from '@society-hub/client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { NOTIFICATIONS } from './unread-count';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type NotificationPage = Json<paths['/v1/me/notifications']['get']['responses'][200]>;
export type Notification = NotificationPage['items'][number];

/** The latest notifications, read or not, for the bell's popover. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: [NOTIFICATIONS, 'latest'],
    queryFn: async ({ signal }) =>
      expectData(await api.GET('/v1/me/notifications', { params: { query: { limit: 10 } }, signal })),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => expectData(await api.POST('/v1/me/notifications/read', { body: { ids } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS] }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => expectData(await api.POST('/v1/me/notifications/read-all')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS] }),
  });
}
