import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { AnnualReport, AnnualReportPut } from './types';

export interface ReplaceAnnualReportInput {
  societyId: string;
  year: number;
  version: number;
  body: AnnualReportPut;
}

export async function replaceAnnualReport({
  societyId,
  year,
  version,
  body,
}: ReplaceAnnualReportInput): Promise<AnnualReport> {
  return expectData(
    await api.PUT('/v1/societies/{id}/annual-reports/{year}', {
      params: { path: { id: societyId, year } },
      headers: { 'If-Match': etag(version) },
      body,
    }),
  );
}

export function useReplaceAnnualReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceAnnualReport,
    onSuccess: (_, { societyId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: governanceKeys.society(societyId) }),
        queryClient.invalidateQueries({ queryKey: governanceKeys.queues() }),
      ]),
  });
}
