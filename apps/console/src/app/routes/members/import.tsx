import { useParams } from 'react-router';
import { MemberImportWizard } from '@/features/members/components/import-wizard';
import { NotFoundRoute } from '../not-found-on-demand';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/members';

export function MemberImportRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <MemberImportWizard key={id} societyId={id} />;
}
