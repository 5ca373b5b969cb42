export const allianceKeys = {
  all: ['alliances'] as const,
  lists: () => [...allianceKeys.all, 'list'] as const,
  list: (cursor: string | undefined) => [...allianceKeys.lists(), cursor ?? ''] as const,
};
