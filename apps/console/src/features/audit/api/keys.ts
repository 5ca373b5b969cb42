import type { AuditListQuery } from './types';

export const auditKeys = {
  all: ['audit-log'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: AuditListQuery) => [...auditKeys.lists(), query] as const,
  verification: () => [...auditKeys.all, 'verify'] as const,
};
