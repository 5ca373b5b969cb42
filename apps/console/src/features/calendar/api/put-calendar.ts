import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { calendarKeys } from './keys';
import type { CalendarYear, CalendarYearPut } from './types';

export interface PutCalendarInput {
  body: CalendarYearPut;
  /** The version edited; null when the year has never been entered (no If-Match then). */
  version: number | null;
}

/** Enters or replaces a year's schedule; replacing needs the version read (412 when someone saved since). */
export async function putCalendar({ body, version }: PutCalendarInput): Promise<CalendarYear> {
  return expectData(
    await api.PUT('/v1/calendar/holidays', {
      ...(version === null ? {} : { headers: { 'If-Match': etag(version) } }),
      body,
    }),
  );
}

export function usePutCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putCalendar,
    onSuccess: (saved) => {
      queryClient.setQueryData(calendarKeys.year(saved.year), saved);
    },
  });
}
