import { DirectoryPage } from '@/features/directory/components/directory-page';

/** The public directory and open calls: outside the session guard, readable without an account. */
export function DirectoryRoute() {
  return <DirectoryPage />;
}
