import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { reviewKeys } from './keys';
import type { MyReviewPut, Review } from './types';

export interface PutMyReviewInput {
  applicationId: string;
  body: MyReviewPut;
}

/** Saves a draft (`submit: false`) or submits the scores; the same PUT again changes nothing. */
export async function putMyReview({ applicationId, body }: PutMyReviewInput): Promise<Review> {
  return expectData(
    await api.PUT('/v1/applications/{id}/reviews/mine', { params: { path: { id: applicationId } }, body }),
  );
}

export function usePutMyReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putMyReview,
    onSuccess: (_, { applicationId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.queue() }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.reviews(applicationId) }),
      ]),
  });
}
