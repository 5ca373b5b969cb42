import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { governanceKeys } from './keys';
import type { CouncilMember, CouncilMemberCreate } from './types';

export interface AddCouncilMemberInput {
  societyId: string;
  body: CouncilMemberCreate;
  idempotencyKey: string;
}

export async function addCouncilMember({
  societyId,
  body,
  idempotencyKey,
}: AddCouncilMemberInput): Promise<CouncilMember> {
  return expectData(
    await api.POST('/v1/societies/{id}/council-members', {
      params: { path: { id: societyId } },
      headers: { 'Idempotency-Key': idempotencyKey },
      body,
    }),
  );
}

export function useAddCouncilMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addCouncilMember,
    onSuccess: (_, { societyId }) => queryClient.invalidateQueries({ queryKey: governanceKeys.society(societyId) }),
  });
}
