import { NoticesPage } from '@/features/notices/components/notices-page';
import { noticesMessages } from '@/features/notices/messages';
import { reviewsMessages } from '@/features/reviews/messages';
import { registerMessages } from '@/lib/i18n';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(noticesMessages, reviewsMessages);

/** The public notice page: outside the session guard, readable without an account. */
export function NoticesRoute() {
  return <NoticesPage />;
}
