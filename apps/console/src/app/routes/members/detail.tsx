import { useParams } from 'react-router';
import { MemberDetail } from '@/features/members/components/member-detail';
import { NotFoundRoute } from '../not-found';

export function MemberDetailRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <MemberDetail key={id} id={id} />;
}
