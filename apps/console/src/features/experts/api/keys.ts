import type { ExpertListQuery } from './types';

export const expertKeys = {
  all: ['experts'] as const,
  lists: () => [...expertKeys.all, 'list'] as const,
  list: (query: ExpertListQuery) => [...expertKeys.lists(), query] as const,
  details: () => [...expertKeys.all, 'detail'] as const,
  detail: (id: string) => [...expertKeys.details(), id] as const,
};
