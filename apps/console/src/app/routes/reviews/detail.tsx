import { useParams } from 'react-router';
import { ReviewDetail } from '@/features/reviews/components/review-detail';
import { NotFoundRoute } from '../not-found-on-demand';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/reviews';

export function ReviewDetailRoute() {
  const { applicationId } = useParams();
  if (!applicationId) return <NotFoundRoute />;
  return <ReviewDetail key={applicationId} applicationId={applicationId} />;
}
