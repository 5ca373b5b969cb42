import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etag, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { Member, MemberPatch } from './types';

export interface UpdateMemberInput {
  id: string;
  /** The version the user edited; a newer one on the server answers 412. */
  version: number;
  patch: MemberPatch;
}

export async function updateMember({ id, version, patch }: UpdateMemberInput): Promise<Member> {
  return expectData(
    await api.PATCH('/v1/members/{id}', {
      params: { path: { id } },
      headers: { 'If-Match': etag(version) },
      body: patch,
    }),
  );
}

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMember,
    onSuccess: (member) => {
      queryClient.setQueryData(memberKeys.detail(member.id), member);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: memberKeys.stats() }),
      ]);
    },
  });
}
