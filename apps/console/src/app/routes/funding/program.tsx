import { useParams } from 'react-router';
import { ProgramDetail } from '@/features/funding/components/program-detail';
import { NotFoundRoute } from '../not-found-on-demand';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/funding';

export function FundingProgramRoute() {
  const { programId } = useParams();
  if (!programId) return <NotFoundRoute />;
  return <ProgramDetail key={programId} id={programId} />;
}
