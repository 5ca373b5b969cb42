import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { Member, MemberCreate } from './types';

export interface CreateMemberInput {
  societyId: string;
  body: MemberCreate;
  /** The same key for every retry of one submission, so a lost response never registers a member twice. */
  idempotencyKey: string;
}

export async function createMember({ societyId, body, idempotencyKey }: CreateMemberInput): Promise<Member> {
  return expectData(
    await api.POST('/v1/societies/{id}/members', {
      params: { path: { id: societyId } },
      headers: { 'Idempotency-Key': idempotencyKey },
      body,
    }),
  );
}

export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMember,
    onSuccess: (member) => {
      queryClient.setQueryData(memberKeys.detail(member.id), member);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: memberKeys.stats() }),
      ]);
    },
  });
}
