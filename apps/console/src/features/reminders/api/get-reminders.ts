import type { paths } from '@society-hub/client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type ReminderList = Json<paths['/v1/reminders']['get']['responses'][200]>;
export type Reminder = ReminderList['items'][number];

export const reminderKeys = { all: ['reminders'] as const };

export async function getReminders(signal?: AbortSignal): Promise<ReminderList> {
  return expectData(await api.GET('/v1/reminders', { signal }));
}

/** Looked at again every five minutes: deadlines move by the day, not by the second. */
export function remindersQueryOptions() {
  return queryOptions({
    queryKey: reminderKeys.all,
    queryFn: ({ signal }) => getReminders(signal),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

export function useReminders(enabled: boolean) {
  return useQuery({ ...remindersQueryOptions(), enabled });
}
