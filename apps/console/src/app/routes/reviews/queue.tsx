import { ReviewQueue } from '@/features/reviews/components/review-queue';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/review-queue';
import '@/app/messages/reviews';

export function ReviewQueueRoute() {
  return <ReviewQueue />;
}
