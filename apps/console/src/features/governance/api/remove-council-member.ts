import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag } from '@/lib/api-client';
import { governanceKeys } from './keys';

export interface RemoveCouncilMemberInput {
  societyId: string;
  memberId: string;
  version: number;
}

export async function removeCouncilMember({ societyId, memberId, version }: RemoveCouncilMemberInput): Promise<void> {
  await api.DELETE('/v1/societies/{id}/council-members/{memberId}', {
    params: { path: { id: societyId, memberId } },
    headers: { 'If-Match': etag(version) },
  });
}

export function useRemoveCouncilMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeCouncilMember,
    onSuccess: (_, { societyId }) => queryClient.invalidateQueries({ queryKey: governanceKeys.society(societyId) }),
  });
}
