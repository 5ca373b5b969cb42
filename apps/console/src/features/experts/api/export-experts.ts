import { useMutation } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { dispositionFilename, saveBlob } from '@/lib/download';
import type { ExpertExportQuery } from './types';

/** Downloads the experts the filters select, as the server names the file (专家名单-2026-01-31.xlsx). */
export async function exportExperts(query: ExpertExportQuery): Promise<string> {
  const result = await api.GET('/v1/experts/export', { params: { query }, parseAs: 'blob' });
  const name = dispositionFilename(
    result.response.headers.get('content-disposition'),
    `experts.${query.format ?? 'xlsx'}`,
  );
  saveBlob(expectData(result), name);
  return name;
}

export function useExportExperts() {
  return useMutation({ mutationFn: exportExperts });
}
