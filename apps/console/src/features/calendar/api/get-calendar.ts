import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { calendarKeys } from './keys';
import type { CalendarYear } from './types';

/** One year's holidays and make-up working days; a year nobody entered comes back `configured: false`. */
export async function getCalendar(year: number, signal?: AbortSignal): Promise<CalendarYear> {
  return expectData(await api.GET('/v1/calendar/holidays', { params: { query: { year } }, signal }));
}

export function calendarQueryOptions(year: number) {
  return queryOptions({ queryKey: calendarKeys.year(year), queryFn: ({ signal }) => getCalendar(year, signal) });
}

export function useCalendar(year: number) {
  return useQuery(calendarQueryOptions(year));
}
