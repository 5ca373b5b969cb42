import { useParams } from 'react-router';
import { ProgramDetail } from '@/features/funding/components/program-detail';
import { fundingMessages } from '@/features/funding/messages';
import { registerMessages } from '@/lib/i18n';
import { NotFoundRoute } from '../not-found-on-demand';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages);

export function FundingProgramRoute() {
  const { programId } = useParams();
  if (!programId) return <NotFoundRoute />;
  return <ProgramDetail key={programId} id={programId} />;
}
