import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { reviewKeys } from './keys';
import type { FundingApplication, ReviewList } from './types';

/** An application assigned to the reviewer (any other answers 404). */
export async function getApplication(id: string, signal?: AbortSignal): Promise<FundingApplication> {
  return expectData(await api.GET('/v1/applications/{id}', { params: { path: { id } }, signal }));
}

export function applicationQueryOptions(id: string) {
  return queryOptions({ queryKey: reviewKeys.application(id), queryFn: ({ signal }) => getApplication(id, signal) });
}

export function useApplication(id: string) {
  return useQuery(applicationQueryOptions(id));
}

/** My review, and the other reviewers' (anonymous) once review has closed. */
export async function getReviews(applicationId: string, signal?: AbortSignal): Promise<ReviewList> {
  return expectData(
    await api.GET('/v1/applications/{id}/reviews', { params: { path: { id: applicationId } }, signal }),
  );
}

export function useReviews(applicationId: string) {
  return useQuery({
    queryKey: reviewKeys.reviews(applicationId),
    queryFn: ({ signal }) => getReviews(applicationId, signal),
  });
}
