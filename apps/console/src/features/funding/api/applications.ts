import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, etag, expectData, newIdempotencyKey } from '@/lib/api-client';
import { fundingKeys } from './keys';
import type {
  ApplicationCreate,
  ApplicationListQuery,
  ApplicationPage,
  ApplicationPatch,
  ApplicationTransitionPage,
  FinalReport,
  FundingApplication,
  ReviewList,
  ScreeningResult,
  TransitionRequest,
} from './types';

export async function getApplications(
  programId: string,
  query: ApplicationListQuery,
  signal?: AbortSignal,
): Promise<ApplicationPage> {
  return expectData(
    await api.GET('/v1/funding-programs/{id}/applications', { params: { path: { id: programId }, query }, signal }),
  );
}

export function applicationsQueryOptions(programId: string, query: ApplicationListQuery) {
  return queryOptions({
    queryKey: fundingKeys.applicationList(programId, query),
    queryFn: ({ signal }) => getApplications(programId, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useApplications(programId: string, query: ApplicationListQuery, enabled = true) {
  return useQuery({ ...applicationsQueryOptions(programId, query), enabled });
}

/** A society's applications across several programs (the API lists per program). */
export function useApplicationsOf(programIds: readonly string[]) {
  return useQueries({
    queries: programIds.map((id) => applicationsQueryOptions(id, { limit: 100 })),
  });
}

export async function getApplication(id: string, signal?: AbortSignal): Promise<FundingApplication> {
  return expectData(await api.GET('/v1/applications/{id}', { params: { path: { id } }, signal }));
}

export function useApplication(id: string) {
  return useQuery({ queryKey: fundingKeys.application(id), queryFn: ({ signal }) => getApplication(id, signal) });
}

export function useApplicationTransitions(id: string) {
  return useQuery({
    queryKey: fundingKeys.transitions(id),
    queryFn: async ({ signal }): Promise<ApplicationTransitionPage> =>
      expectData(await api.GET('/v1/applications/{id}/transitions', { params: { path: { id } }, signal })),
  });
}

export function useScreening(id: string) {
  return useQuery({
    queryKey: fundingKeys.screening(id),
    queryFn: async ({ signal }): Promise<ScreeningResult> =>
      expectData(await api.GET('/v1/applications/{id}/screening', { params: { path: { id } }, signal })),
  });
}

export function useReviews(id: string, enabled = true) {
  return useQuery({
    queryKey: fundingKeys.reviews(id),
    queryFn: async ({ signal }): Promise<ReviewList> =>
      expectData(await api.GET('/v1/applications/{id}/reviews', { params: { path: { id } }, signal })),
    enabled,
  });
}

/** After any change to an application: it, its program's lists and the society's home are stale. */
function useSettle() {
  const queryClient = useQueryClient();
  return (application: FundingApplication) => {
    queryClient.setQueryData(fundingKeys.application(application.id), application);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: fundingKeys.application(application.id) }),
      queryClient.invalidateQueries({ queryKey: fundingKeys.ofProgram(application.programId) }),
    ]);
  };
}

export function useCreateApplication() {
  const settle = useSettle();
  return useMutation({
    mutationFn: async ({
      programId,
      body,
      idempotencyKey,
    }: {
      programId: string;
      body: ApplicationCreate;
      idempotencyKey: string;
    }) =>
      expectData(
        await api.POST('/v1/funding-programs/{id}/applications', {
          params: { path: { id: programId } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body,
        }),
      ),
    onSuccess: settle,
  });
}

export function useUpdateApplication() {
  const settle = useSettle();
  return useMutation({
    mutationFn: async ({ id, version, patch }: { id: string; version: number; patch: ApplicationPatch }) =>
      expectData(
        await api.PATCH('/v1/applications/{id}', {
          params: { path: { id } },
          headers: { 'If-Match': etag(version) },
          body: patch,
        }),
      ),
    onSuccess: settle,
  });
}

export function useTransitionApplication() {
  const settle = useSettle();
  return useMutation({
    mutationFn: async ({
      id,
      request,
      idempotencyKey,
    }: {
      id: string;
      request: TransitionRequest;
      idempotencyKey?: string;
    }) =>
      expectData(
        await api.POST('/v1/applications/{id}/transitions', {
          params: { path: { id } },
          headers: { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() },
          body: request,
        }),
      ),
    onSuccess: settle,
  });
}

export function useFileFinalReport() {
  const settle = useSettle();
  return useMutation({
    mutationFn: async ({ id, version, report }: { id: string; version: number; report: FinalReport }) =>
      expectData(
        await api.PUT('/v1/applications/{id}/final-report', {
          params: { path: { id } },
          headers: { 'If-Match': etag(version) },
          body: report,
        }),
      ),
    onSuccess: settle,
  });
}
