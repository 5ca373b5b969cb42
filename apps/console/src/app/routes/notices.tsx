import { NoticesPage } from '@/features/notices/components/notices-page';

/** The public notice page: outside the session guard, readable without an account. */
export function NoticesRoute() {
  return <NoticesPage />;
}
