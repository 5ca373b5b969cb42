import { useParams } from 'react-router';
import { ApplicationDetail } from '@/features/funding/components/application-detail';
import { fundingMessages } from '@/features/funding/messages';
import { registerMessages } from '@/lib/i18n';
import { NotFoundRoute } from '../not-found-on-demand';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages);

export function FundingApplicationRoute() {
  const { programId, applicationId } = useParams();
  if (!programId || !applicationId) return <NotFoundRoute />;
  return <ApplicationDetail key={applicationId} programId={programId} applicationId={applicationId} />;
}
