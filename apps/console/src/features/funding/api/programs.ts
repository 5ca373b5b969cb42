import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData, newIdempotencyKey } from '@/lib/api-client';
import { fundingKeys } from './keys';
import type {
  FundingProgram,
  ProgramCreate,
  ProgramListQuery,
  ProgramPage,
  ProgramPatch,
  TransitionRequest,
} from './types';

export async function getPrograms(query: ProgramListQuery, signal?: AbortSignal): Promise<ProgramPage> {
  return expectData(await api.GET('/v1/funding-programs', { params: { query }, signal }));
}

export function programsQueryOptions(query: ProgramListQuery) {
  return queryOptions({
    queryKey: fundingKeys.programList(query),
    queryFn: ({ signal }) => getPrograms(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePrograms(query: ProgramListQuery) {
  return useQuery(programsQueryOptions(query));
}

export async function getProgram(id: string, signal?: AbortSignal): Promise<FundingProgram> {
  return expectData(await api.GET('/v1/funding-programs/{id}', { params: { path: { id } }, signal }));
}

export function useProgram(id: string) {
  return useQuery({ queryKey: fundingKeys.program(id), queryFn: ({ signal }) => getProgram(id, signal) });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ProgramCreate; idempotencyKey: string }) =>
      expectData(await api.POST('/v1/funding-programs', { headers: { 'Idempotency-Key': idempotencyKey }, body })),
    onSuccess: (program) => {
      queryClient.setQueryData(fundingKeys.program(program.id), program);
      return queryClient.invalidateQueries({ queryKey: fundingKeys.programs() });
    },
  });
}

export function useUpdateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, patch }: { id: string; version: number; patch: ProgramPatch }) =>
      expectData(
        await api.PATCH('/v1/funding-programs/{id}', {
          params: { path: { id } },
          headers: { 'If-Match': etag(version) },
          body: patch,
        }),
      ),
    onSuccess: (program) => {
      queryClient.setQueryData(fundingKeys.program(program.id), program);
      return queryClient.invalidateQueries({ queryKey: fundingKeys.programs() });
    },
  });
}

export interface TransitionProgramInput {
  id: string;
  request: TransitionRequest;
  idempotencyKey?: string;
}

/** Program transitions carry its applications along: everything of the program is stale afterwards. */
export function useTransitionProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, request, idempotencyKey }: TransitionProgramInput) =>
      expectData(
        await api.POST('/v1/funding-programs/{id}/transitions', {
          params: { path: { id } },
          headers: { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() },
          body: request,
        }),
      ),
    onSuccess: (program) => {
      queryClient.setQueryData(fundingKeys.program(program.id), program);
      return queryClient.invalidateQueries({ queryKey: fundingKeys.all });
    },
  });
}
