import { useParams } from 'react-router';
import { PilotDetail } from '@/features/pilots/components/pilot-detail';
import { NotFoundRoute } from '../not-found';

export function PilotDetailRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <PilotDetail key={id} id={id} />;
}
