import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { memberKeys } from './keys';
import type { DuesPayment, DuesPaymentCreate } from './types';

export interface RecordDuesInput {
  memberId: string;
  body: DuesPaymentCreate;
  idempotencyKey: string;
}

export async function recordDues({ memberId, body, idempotencyKey }: RecordDuesInput): Promise<DuesPayment> {
  return expectData(
    await api.POST('/v1/members/{id}/dues', {
      params: { path: { id: memberId } },
      headers: { 'Idempotency-Key': idempotencyKey },
      body,
    }),
  );
}

export function useRecordDues() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordDues,
    onSuccess: (_, { memberId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.dues(memberId) }),
        queryClient.invalidateQueries({ queryKey: memberKeys.detail(memberId), exact: true }),
      ]),
  });
}
