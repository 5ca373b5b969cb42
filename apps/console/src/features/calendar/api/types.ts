import type { paths } from '@society-hub/client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type CalendarYear = Json<paths['/v1/calendar/holidays']['get']['responses'][200]>;
export type Holiday = CalendarYear['holidays'][number];
export type CalendarYearPut = Json<NonNullable<paths['/v1/calendar/holidays']['put']['requestBody']>>;
