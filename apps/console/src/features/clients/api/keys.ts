import type { ClientListQuery } from './types';

export const clientKeys = {
  all: ['clients'] as const,
  lists: () => [...clientKeys.all, 'list'] as const,
  list: (query: ClientListQuery) => [...clientKeys.lists(), query] as const,
};
