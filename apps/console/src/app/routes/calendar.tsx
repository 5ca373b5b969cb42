import { CalendarPage } from '@/features/calendar/components/calendar-page';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/calendar';

export function CalendarRoute() {
  return <CalendarPage />;
}
