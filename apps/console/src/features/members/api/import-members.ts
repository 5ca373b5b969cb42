import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { ImportResponse } from './types';

export interface ImportMembersInput {
  societyId: string;
  /** At most 1000 rows. */
  rows: Record<string, unknown>[];
  dryRun: boolean;
}

export async function importMembers({ societyId, rows, dryRun }: ImportMembersInput): Promise<ImportResponse> {
  return expectData(
    await api.POST('/v1/societies/{id}/members/import', {
      params: { path: { id: societyId } },
      body: { rows, dryRun },
    }),
  );
}

export function useImportMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importMembers,
    onSuccess: (_, { dryRun }) => {
      if (dryRun) return undefined;
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: memberKeys.stats() }),
      ]);
    },
  });
}
