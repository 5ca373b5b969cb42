import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectData, newIdempotencyKey } from '@/lib/api-client';
import { fundingKeys } from './keys';
import type { AssignmentBoard, ExpertPage, ManualAssignment } from './types';

export function useAssignmentBoard(programId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: fundingKeys.assignments(programId),
    queryFn: async ({ signal }): Promise<AssignmentBoard> =>
      expectData(
        await api.GET('/v1/funding-programs/{id}/assignments', { params: { path: { id: programId } }, signal }),
      ),
  });
}

/** Assignments change the board, the applications' reviews and every reviewer's queue. */
function useSettle(programId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: fundingKeys.ofProgram(programId) }),
      queryClient.invalidateQueries({ queryKey: fundingKeys.applications() }),
    ]);
}

export function useAutoAssign(programId: string) {
  const settle = useSettle(programId);
  return useMutation({
    mutationFn: async () =>
      expectData(
        await api.POST('/v1/funding-programs/{id}/assignments', {
          params: { path: { id: programId } },
          headers: { 'Idempotency-Key': newIdempotencyKey() },
        }),
      ),
    onSuccess: settle,
  });
}

export function useManualAssign(programId: string) {
  const settle = useSettle(programId);
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ManualAssignment; idempotencyKey: string }) =>
      expectData(
        await api.POST('/v1/funding-programs/{id}/assignments/manual', {
          params: { path: { id: programId } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body,
        }),
      ),
    onSuccess: settle,
  });
}

export function useRecuse(programId: string) {
  const settle = useSettle(programId);
  return useMutation({
    mutationFn: async ({
      assignmentId,
      reason,
      idempotencyKey,
    }: {
      assignmentId: string;
      reason: string;
      idempotencyKey: string;
    }) =>
      expectData(
        await api.POST('/v1/review-assignments/{id}/recusal', {
          params: { path: { id: assignmentId } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body: { reason },
        }),
      ),
    onSuccess: settle,
  });
}

/** Experts of the pools to pick a reviewer from, by part of the name. */
export function useExpertSearch(q: string) {
  return useQuery({
    queryKey: fundingKeys.experts(q),
    queryFn: async ({ signal }): Promise<ExpertPage> =>
      expectData(
        await api.GET('/v1/experts', {
          params: { query: { limit: 50, available: true, ...(q ? { q } : {}) } },
          signal,
        }),
      ),
  });
}
