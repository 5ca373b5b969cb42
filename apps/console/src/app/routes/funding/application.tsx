import { useParams } from 'react-router';
import { ApplicationDetail } from '@/features/funding/components/application-detail';
import { NotFoundRoute } from '../not-found';

export function FundingApplicationRoute() {
  const { programId, applicationId } = useParams();
  if (!programId || !applicationId) return <NotFoundRoute />;
  return <ApplicationDetail key={applicationId} programId={programId} applicationId={applicationId} />;
}
