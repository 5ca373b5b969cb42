import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData, newIdempotencyKey } from '@/lib/api-client';
import { pilotKeys } from './keys';
import type {
  EvaluationPut,
  MilestoneCreate,
  MilestonePatch,
  PilotCreate,
  PilotListQuery,
  PilotPatch,
  PilotTransitionRequest,
} from './types';

export function usePilots(query: PilotListQuery) {
  return useQuery({
    queryKey: pilotKeys.list(query),
    queryFn: async ({ signal }) => expectData(await api.GET('/v1/pilots', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePilot(id: string) {
  return useQuery({
    queryKey: pilotKeys.detail(id),
    queryFn: async ({ signal }) => expectData(await api.GET('/v1/pilots/{id}', { params: { path: { id } }, signal })),
  });
}

/** Re-read whenever the pilot is shown: its inputs (inspections, governance, capacity) change elsewhere. */
export function useEligibility(id: string) {
  return useQuery({
    queryKey: pilotKeys.eligibility(id),
    queryFn: async ({ signal }) =>
      expectData(await api.GET('/v1/pilots/{id}/eligibility', { params: { path: { id } }, signal })),
    staleTime: 0,
  });
}

export function useMilestones(id: string) {
  return useQuery({
    queryKey: pilotKeys.milestones(id),
    queryFn: async ({ signal }) =>
      expectData(await api.GET('/v1/pilots/{id}/milestones', { params: { path: { id } }, signal })),
  });
}

export function usePilotTransitions(id: string) {
  return useQuery({
    queryKey: pilotKeys.transitions(id),
    queryFn: async ({ signal }) =>
      expectData(await api.GET('/v1/pilots/{id}/transitions', { params: { path: { id } }, signal })),
  });
}

export function useProposePilot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: PilotCreate; idempotencyKey: string }) =>
      expectData(await api.POST('/v1/pilots', { headers: { 'Idempotency-Key': idempotencyKey }, body })),
    onSuccess: (pilot) => {
      queryClient.setQueryData(pilotKeys.detail(pilot.id), pilot);
      return queryClient.invalidateQueries({ queryKey: pilotKeys.lists() });
    },
  });
}

export function useUpdatePilot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, patch }: { id: string; version: number; patch: PilotPatch }) =>
      expectData(
        await api.PATCH('/v1/pilots/{id}', {
          params: { path: { id } },
          headers: { 'If-Match': etag(version) },
          body: patch,
        }),
      ),
    onSuccess: (pilot) => {
      queryClient.setQueryData(pilotKeys.detail(pilot.id), pilot);
      return queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
  });
}

export function useTransitionPilot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      request,
      idempotencyKey,
    }: {
      id: string;
      request: PilotTransitionRequest;
      /** The same key for a retry of the same request (`useIdempotencyKey`), so it never applies twice. */
      idempotencyKey: string;
    }) =>
      expectData(
        await api.POST('/v1/pilots/{id}/transitions', {
          params: { path: { id } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body: request,
        }),
      ),
    onSuccess: (pilot) => {
      queryClient.setQueryData(pilotKeys.detail(pilot.id), pilot);
      return queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
  });
}

export function useAddMilestone(pilotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MilestoneCreate) =>
      expectData(
        await api.POST('/v1/pilots/{id}/milestones', {
          params: { path: { id: pilotId } },
          headers: { 'Idempotency-Key': newIdempotencyKey() },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pilotKeys.detail(pilotId) }),
  });
}

export function useUpdateMilestone(pilotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, patch }: { id: string; version: number; patch: MilestonePatch }) =>
      expectData(
        await api.PATCH('/v1/pilots/{id}/milestones/{milestoneId}', {
          params: { path: { id: pilotId, milestoneId: id } },
          headers: { 'If-Match': etag(version) },
          body: patch,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pilotKeys.detail(pilotId) }),
  });
}

export function useEvaluatePilot(pilotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: EvaluationPut) =>
      expectData(await api.PUT('/v1/pilots/{id}/evaluation', { params: { path: { id: pilotId } }, body })),
    onSuccess: (pilot) => {
      queryClient.setQueryData(pilotKeys.detail(pilot.id), pilot);
      return queryClient.invalidateQueries({ queryKey: pilotKeys.all });
    },
  });
}
