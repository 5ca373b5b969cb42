import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectData } from '@/lib/api-client';
import { auditKeys } from './keys';
import type { AuditEntryPage, AuditListQuery } from './types';

export async function getAuditLog(query: AuditListQuery, signal?: AbortSignal): Promise<AuditEntryPage> {
  return expectData(await api.GET('/v1/audit-log', { params: { query }, signal }));
}

export function auditLogQueryOptions(query: AuditListQuery) {
  return queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => getAuditLog(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuditLog(query: AuditListQuery) {
  return useQuery(auditLogQueryOptions(query));
}
