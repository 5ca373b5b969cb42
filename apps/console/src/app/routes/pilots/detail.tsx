import { useParams } from 'react-router';
import { PilotDetail } from '@/features/pilots/components/pilot-detail';
import { pilotsMessages } from '@/features/pilots/messages';
import { registerMessages } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { NotFoundRoute } from '../not-found-on-demand';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, pilotsMessages);

export function PilotDetailRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <PilotDetail key={id} id={id} />;
}
