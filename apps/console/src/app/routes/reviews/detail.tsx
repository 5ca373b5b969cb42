import { useParams } from 'react-router';
import { ReviewDetail } from '@/features/reviews/components/review-detail';
import { NotFoundRoute } from '../not-found';

export function ReviewDetailRoute() {
  const { applicationId } = useParams();
  if (!applicationId) return <NotFoundRoute />;
  return <ReviewDetail key={applicationId} applicationId={applicationId} />;
}
