import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { CouncilMember, CouncilMemberPatch } from './types';

export interface UpdateCouncilMemberInput {
  societyId: string;
  memberId: string;
  version: number;
  patch: CouncilMemberPatch;
}

export async function updateCouncilMember({
  societyId,
  memberId,
  version,
  patch,
}: UpdateCouncilMemberInput): Promise<CouncilMember> {
  return expectData(
    await api.PATCH('/v1/societies/{id}/council-members/{memberId}', {
      params: { path: { id: societyId, memberId } },
      headers: { 'If-Match': etag(version) },
      body: patch,
    }),
  );
}

export function useUpdateCouncilMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCouncilMember,
    onSuccess: (_, { societyId }) => queryClient.invalidateQueries({ queryKey: governanceKeys.society(societyId) }),
  });
}
