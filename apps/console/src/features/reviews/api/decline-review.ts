import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { reviewKeys } from './keys';
import type { Decline, ReassignResult } from './types';

export interface DeclineReviewInput {
  applicationId: string;
  body: Decline;
  idempotencyKey: string;
}

/** Gives the assignment back with a reason; the server re-assigns the application at once. */
export async function declineReview({
  applicationId,
  body,
  idempotencyKey,
}: DeclineReviewInput): Promise<ReassignResult> {
  return expectData(
    await api.POST('/v1/applications/{id}/reviews/mine/decline', {
      params: { path: { id: applicationId } },
      headers: { 'Idempotency-Key': idempotencyKey },
      body,
    }),
  );
}

export function useDeclineReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineReview,
    // Not awaited: the page leaves for the queue at once, which then loads without the application.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reviewKeys.queue() });
    },
  });
}
