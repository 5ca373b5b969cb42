import { useParams } from 'react-router';
import { ApplicationDetail } from '@/features/funding/components/application-detail';
import { NotFoundRoute } from '../not-found-on-demand';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/funding';

export function FundingApplicationRoute() {
  const { programId, applicationId } = useParams();
  if (!programId || !applicationId) return <NotFoundRoute />;
  return <ApplicationDetail key={applicationId} programId={programId} applicationId={applicationId} />;
}
