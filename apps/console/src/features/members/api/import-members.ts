import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { ImportResponse } from './types';

/** The API takes at most this many rows in one request. */
export const IMPORT_BATCH_SIZE = 1000;

export interface ImportMembersInput {
  societyId: string;
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
