import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { expertKeys } from './keys';
import type { ExpertImportResponse } from './types';

export interface ImportExpertsInput {
  /** At most 1000 rows, each an ExpertCreate (validated row by row on the server). */
  rows: Record<string, unknown>[];
  dryRun: boolean;
}

export async function importExperts({ rows, dryRun }: ImportExpertsInput): Promise<ExpertImportResponse> {
  return expectData(await api.POST('/v1/experts/import', { body: { rows, dryRun } }));
}

export function useImportExperts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importExperts,
    onSuccess: (_, { dryRun }) => (dryRun ? undefined : queryClient.invalidateQueries({ queryKey: expertKeys.all })),
  });
}
