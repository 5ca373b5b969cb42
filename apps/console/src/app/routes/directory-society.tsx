import { useParams } from 'react-router';
import { SocietyPage } from '@/features/directory/components/society-page';
import { directoryMessages } from '@/features/directory/messages';
import { registerMessages } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(directoryMessages, labelsMessages);

/** A society's public page, from the directory: outside the session guard, readable without an account. */
export function DirectorySocietyRoute() {
  const { id = '' } = useParams();
  return <SocietyPage key={id} id={id} />;
}
