import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { Inspection, InspectionPut } from './types';

export interface RecordInspectionInput {
  societyId: string;
  year: number;
  /** The version of the result being replaced; absent when none is recorded yet. */
  version?: number;
  body: InspectionPut;
}

export async function recordInspection({ societyId, year, version, body }: RecordInspectionInput): Promise<Inspection> {
  return expectData(
    await api.PUT('/v1/societies/{id}/inspections/{year}', {
      params: { path: { id: societyId, year } },
      headers: version === undefined ? {} : { 'If-Match': etag(version) },
      body,
    }),
  );
}

export function useRecordInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordInspection,
    onSuccess: (_, { societyId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: governanceKeys.society(societyId) }),
        queryClient.invalidateQueries({ queryKey: governanceKeys.queues() }),
        queryClient.invalidateQueries({ queryKey: governanceKeys.disqualification() }),
      ]),
  });
}
