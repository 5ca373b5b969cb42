import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { reviewKeys } from './keys';
import type { ReviewQueue } from './types';

/** The applications assigned to the signed-in reviewer, in every program, newest first. */
export async function getMyReviews(signal?: AbortSignal): Promise<ReviewQueue> {
  return expectData(await api.GET('/v1/reviews/mine', { signal }));
}

export function myReviewsQueryOptions() {
  return queryOptions({ queryKey: reviewKeys.queue(), queryFn: ({ signal }) => getMyReviews(signal) });
}

export function useMyReviews() {
  return useQuery(myReviewsQueryOptions());
}
