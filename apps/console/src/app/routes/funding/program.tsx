import { useParams } from 'react-router';
import { ProgramDetail } from '@/features/funding/components/program-detail';
import { NotFoundRoute } from '../not-found';

export function FundingProgramRoute() {
  const { programId } = useParams();
  if (!programId) return <NotFoundRoute />;
  return <ProgramDetail key={programId} id={programId} />;
}
