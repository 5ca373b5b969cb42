import { DirectoryPage } from '@/features/directory/components/directory-page';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/directory';
import '@/app/messages/societies';

/** The public directory and open calls: outside the session guard, readable without an account. */
export function DirectoryRoute() {
  return <DirectoryPage />;
}
