import { useParams } from 'react-router';
import { SocietyPage } from '@/features/directory/components/society-page';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/directory';
import '@/app/messages/labels';

/** A society's public page, from the directory: outside the session guard, readable without an account. */
export function DirectorySocietyRoute() {
  const { id = '' } = useParams();
  return <SocietyPage key={id} id={id} />;
}
