import { useParams } from 'react-router';
import { SocietyDetail } from '@/features/societies/components/society-detail';
import { NotFoundRoute } from '../not-found-on-demand';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/societies';

export function SocietyDetailRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <SocietyDetail key={id} id={id} />;
}
