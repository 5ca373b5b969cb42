import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { auditKeys } from './keys';
import type { AuditVerification } from './types';

export async function verifyAuditLog(signal?: AbortSignal): Promise<AuditVerification> {
  return expectData(await api.GET('/v1/audit-log/verify', { signal }));
}

/** Walks the whole chain on the server, so it runs only when asked and is never served from cache. */
export function auditVerificationQueryOptions() {
  return queryOptions({
    queryKey: auditKeys.verification(),
    queryFn: ({ signal }) => verifyAuditLog(signal),
    enabled: false,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

export function useAuditVerification() {
  return useQuery(auditVerificationQueryOptions());
}
