import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { reviewKeys } from './keys';
import type { Declaration, DeclarationResult } from './types';

export async function getDeclaration(programId: string, signal?: AbortSignal): Promise<DeclarationResult> {
  return expectData(
    await api.GET('/v1/funding-programs/{id}/declarations/mine', { params: { path: { id: programId } }, signal }),
  );
}

export function useDeclaration(programId: string) {
  return useQuery({
    queryKey: reviewKeys.declaration(programId),
    queryFn: ({ signal }) => getDeclaration(programId, signal),
  });
}

export interface PutDeclarationInput {
  programId: string;
  body: Declaration;
}

/** Replaces my declaration of interest; assignments it puts in conflict are given up (`recused`). */
export async function putDeclaration({ programId, body }: PutDeclarationInput): Promise<DeclarationResult> {
  return expectData(
    await api.PUT('/v1/funding-programs/{id}/declarations/mine', { params: { path: { id: programId } }, body }),
  );
}

export function usePutDeclaration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putDeclaration,
    onSuccess: (result, { programId }) => {
      // The GET always answers recused: 0; keep what the declaration itself reported.
      queryClient.setQueryData(reviewKeys.declaration(programId), result);
      return queryClient.invalidateQueries({ queryKey: reviewKeys.queue() });
    },
  });
}
