import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { reviewKeys } from './keys';
import type { FundingProgram, FundingProgramPage } from './types';

/** The calls a reviewer may declare an interest for: those not yet finalised. */
export async function getOpenPrograms(signal?: AbortSignal): Promise<FundingProgramPage> {
  return expectData(await api.GET('/v1/funding-programs', { params: { query: { limit: 100 } }, signal }));
}

export function useOpenPrograms() {
  return useQuery({
    queryKey: reviewKeys.programs(),
    queryFn: ({ signal }) => getOpenPrograms(signal),
    select: (page) => page.items.filter((program) => program.status !== 'draft' && program.status !== 'finalised'),
  });
}

export async function getProgram(id: string, signal?: AbortSignal): Promise<FundingProgram> {
  return expectData(await api.GET('/v1/funding-programs/{id}', { params: { path: { id } }, signal }));
}

export function programQueryOptions(id: string) {
  return queryOptions({ queryKey: reviewKeys.program(id), queryFn: ({ signal }) => getProgram(id, signal) });
}

export function useProgram(id: string | undefined) {
  return useQuery({ ...programQueryOptions(id ?? ''), enabled: Boolean(id) });
}
