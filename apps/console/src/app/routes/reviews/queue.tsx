import { ReviewQueue } from '@/features/reviews/components/review-queue';

export function ReviewQueueRoute() {
  return <ReviewQueue />;
}
