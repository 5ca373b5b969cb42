import { useParams } from 'react-router';
import { SocietyDetail } from '@/features/societies/components/society-detail';
import { NotFoundRoute } from '../not-found';

export function SocietyDetailRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <SocietyDetail key={id} id={id} />;
}
