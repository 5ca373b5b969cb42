import { NoticesPage } from '@/features/notices/components/notices-page';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/notices';
import '@/app/messages/reviews';

/** The public notice page: outside the session guard, readable without an account. */
export function NoticesRoute() {
  return <NoticesPage />;
}
