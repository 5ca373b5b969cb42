import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData, newIdempotencyKey } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { Member, MemberTransitionRequest } from './types';

export interface TransitionMemberInput {
  id: string;
  request: MemberTransitionRequest;
  idempotencyKey?: string;
}

export async function transitionMember({ id, request, idempotencyKey }: TransitionMemberInput): Promise<Member> {
  return expectData(
    await api.POST('/v1/members/{id}/transitions', {
      params: { path: { id } },
      headers: { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() },
      body: request,
    }),
  );
}

export function useTransitionMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionMember,
    onSuccess: (member) => {
      queryClient.setQueryData(memberKeys.detail(member.id), member);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: memberKeys.stats() }),
      ]);
    },
  });
}
