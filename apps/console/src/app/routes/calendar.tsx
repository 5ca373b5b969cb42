import { CalendarPage } from '@/features/calendar/components/calendar-page';
import { calendarMessages } from '@/features/calendar/messages';
import { registerMessages } from '@/lib/i18n';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(calendarMessages);

export function CalendarRoute() {
  return <CalendarPage />;
}
