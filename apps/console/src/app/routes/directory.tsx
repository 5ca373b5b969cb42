import { DirectoryPage } from '@/features/directory/components/directory-page';
import { directoryMessages } from '@/features/directory/messages';
import { societiesMessages } from '@/features/societies/messages';
import { registerMessages } from '@/lib/i18n';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(directoryMessages, societiesMessages);

/** The public directory and open calls: outside the session guard, readable without an account. */
export function DirectoryRoute() {
  return <DirectoryPage />;
}
