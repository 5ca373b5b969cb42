import type { MemberListQuery } from './types';

export const memberKeys = {
  all: ['members'] as const,
  lists: () => [...memberKeys.all, 'list'] as const,
  list: (societyId: string, query: MemberListQuery) => [...memberKeys.lists(), societyId, query] as const,
  details: () => [...memberKeys.all, 'detail'] as const,
  detail: (id: string) => [...memberKeys.details(), id] as const,
  dues: (id: string) => [...memberKeys.detail(id), 'dues'] as const,
  memberships: (id: string) => [...memberKeys.detail(id), 'memberships'] as const,
  stats: () => [...memberKeys.all, 'stats'] as const,
  societyStats: (societyId: string) => [...memberKeys.stats(), societyId] as const,
};
