import { ReviewQueue } from '@/features/reviews/components/review-queue';
import { reviewsMessages } from '@/features/reviews/messages';
import { reviewQueueMessages } from '@/features/reviews/queue-messages';
import { registerMessages } from '@/lib/i18n';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(reviewQueueMessages, reviewsMessages);

export function ReviewQueueRoute() {
  return <ReviewQueue />;
}
