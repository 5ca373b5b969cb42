import { useParams } from 'react-router';
import { PilotDetail } from '@/features/pilots/components/pilot-detail';
import { NotFoundRoute } from '../not-found-on-demand';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/labels';
import '@/app/messages/pilots';

export function PilotDetailRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <PilotDetail key={id} id={id} />;
}
