import { useParams } from 'react-router';
import { MemberImportWizard } from '@/features/members/components/import-wizard';
import { NotFoundRoute } from '../not-found';

export function MemberImportRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <MemberImportWizard key={id} societyId={id} />;
}
