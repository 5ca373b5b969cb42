import type { SocietyListQuery } from './types';

export const societyKeys = {
  all: ['societies'] as const,
  lists: () => [...societyKeys.all, 'list'] as const,
  list: (query: SocietyListQuery) => [...societyKeys.lists(), query] as const,
  details: () => [...societyKeys.all, 'detail'] as const,
  detail: (id: string) => [...societyKeys.details(), id] as const,
  transitions: (id: string) => [...societyKeys.detail(id), 'transitions'] as const,
};
