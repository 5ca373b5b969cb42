import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData, newIdempotencyKey } from '@/lib/api-client';
import { pilotKeys } from './keys';
import type { PilotFunctionCreate, PilotFunctionPatch } from './types';

export function usePilotFunctions() {
  return useQuery({
    queryKey: pilotKeys.functions(),
    queryFn: async ({ signal }) => expectData(await api.GET('/v1/pilot-functions', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useCreatePilotFunction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PilotFunctionCreate) =>
      expectData(await api.POST('/v1/pilot-functions', { headers: { 'Idempotency-Key': newIdempotencyKey() }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pilotKeys.functions() }),
  });
}

export function useUpdatePilotFunction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, version, patch }: { code: string; version: number; patch: PilotFunctionPatch }) =>
      expectData(
        await api.PATCH('/v1/pilot-functions/{code}', {
          params: { path: { code } },
          headers: { 'If-Match': etag(version) },
          body: patch,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pilotKeys.functions() }),
  });
}
