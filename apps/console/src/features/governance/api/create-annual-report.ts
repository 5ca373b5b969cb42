import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { AnnualReport, AnnualReportCreate } from './types';

export interface CreateAnnualReportInput {
  societyId: string;
  body: AnnualReportCreate;
  idempotencyKey: string;
}

export async function createAnnualReport({
  societyId,
  body,
  idempotencyKey,
}: CreateAnnualReportInput): Promise<AnnualReport> {
  return expectData(
    await api.POST('/v1/societies/{id}/annual-reports', {
      params: { path: { id: societyId } },
      headers: { 'Idempotency-Key': idempotencyKey },
      body,
    }),
  );
}

export function useCreateAnnualReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAnnualReport,
    onSuccess: (_, { societyId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: governanceKeys.society(societyId) }),
        queryClient.invalidateQueries({ queryKey: governanceKeys.queues() }),
      ]),
  });
}
