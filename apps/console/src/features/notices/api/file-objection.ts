import { useMutation } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import type { ObjectionCreate, ObjectionReceipt } from './types';

export interface FileObjectionInput {
  noticeId: string;
  body: ObjectionCreate;
}

/** Files a signed objection (rate-limited per address; anonymous ones are refused). */
export async function fileObjection({ noticeId, body }: FileObjectionInput): Promise<ObjectionReceipt> {
  return expectData(await api.POST('/v1/public/notices/{id}/objections', { params: { path: { id: noticeId } }, body }));
}

export function useFileObjection() {
  return useMutation({ mutationFn: fileObjection });
}
