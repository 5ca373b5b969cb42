import { useParams } from 'react-router';
import { ReviewDetail } from '@/features/reviews/components/review-detail';
import { reviewsMessages } from '@/features/reviews/messages';
import { registerMessages } from '@/lib/i18n';
import { NotFoundRoute } from '../not-found-on-demand';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(reviewsMessages);

export function ReviewDetailRoute() {
  const { applicationId } = useParams();
  if (!applicationId) return <NotFoundRoute />;
  return <ReviewDetail key={applicationId} applicationId={applicationId} />;
}
