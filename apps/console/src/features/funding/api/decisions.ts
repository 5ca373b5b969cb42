import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectData, newIdempotencyKey } from '@/lib/api-client';
import { fundingKeys } from './keys';
import type { AllocationResult, AllocationStrategy, ObjectionList, ObjectionResolution, Ranking } from './types';

/** The ranking with the trial allocation; another strategy than the program's own is a trial (dryRun). */
export function useRanking(programId: string, trialStrategy: AllocationStrategy | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: fundingKeys.ranking(programId, trialStrategy),
    queryFn: async ({ signal }): Promise<{ ranking: Ranking; trial: AllocationResult | null }> => {
      if (!trialStrategy) {
        const ranking = expectData(
          await api.GET('/v1/funding-programs/{id}/ranking', { params: { path: { id: programId } }, signal }),
        );
        return { ranking, trial: null };
      }
      const trial = expectData(
        await api.POST('/v1/funding-programs/{id}/allocation', {
          params: { path: { id: programId } },
          headers: { 'Idempotency-Key': newIdempotencyKey() },
          body: { dryRun: true, strategy: trialStrategy },
          signal,
        }),
      );
      return { ranking: trial.ranking, trial };
    },
  });
}

export function useApplyAllocation(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ idempotencyKey }: { idempotencyKey: string }) =>
      expectData(
        await api.POST('/v1/funding-programs/{id}/allocation', {
          params: { path: { id: programId } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body: {},
        }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: fundingKeys.ofProgram(programId) }),
        queryClient.invalidateQueries({ queryKey: fundingKeys.applications() }),
        queryClient.invalidateQueries({ queryKey: fundingKeys.program(programId) }),
      ]),
  });
}

export function useObjections(programId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: fundingKeys.objections(programId),
    queryFn: async ({ signal }): Promise<ObjectionList> =>
      expectData(
        await api.GET('/v1/funding-programs/{id}/objections', { params: { path: { id: programId } }, signal }),
      ),
  });
}

export function useResolveObjection(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      body,
      idempotencyKey,
    }: {
      id: string;
      body: ObjectionResolution;
      idempotencyKey: string;
    }) =>
      expectData(
        await api.POST('/v1/objections/{id}/resolution', {
          params: { path: { id } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: fundingKeys.ofProgram(programId) }),
        queryClient.invalidateQueries({ queryKey: fundingKeys.applications() }),
      ]),
  });
}
