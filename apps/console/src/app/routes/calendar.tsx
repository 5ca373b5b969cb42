import { CalendarPage } from '@/features/calendar/components/calendar-page';

export function CalendarRoute() {
  return <CalendarPage />;
}
