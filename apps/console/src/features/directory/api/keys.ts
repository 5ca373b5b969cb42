import type { PublicSocietyQuery } from './types';

export const directoryKeys = {
  all: ['public-directory'] as const,
  societies: (query: PublicSocietyQuery) => [...directoryKeys.all, 'societies', query] as const,
  society: (id: string) => [...directoryKeys.all, 'society', id] as const,
  programs: (cursor: string | undefined) => [...directoryKeys.all, 'programs', cursor ?? ''] as const,
};
