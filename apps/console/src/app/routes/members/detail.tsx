import { useParams } from 'react-router';
import { MemberDetail } from '@/features/members/components/member-detail';
import { NotFoundRoute } from '../not-found-on-demand';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/labels';
import '@/app/messages/members';

export function MemberDetailRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <MemberDetail key={id} id={id} />;
}
