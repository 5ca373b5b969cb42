import type { PilotListQuery } from './types';

export const pilotKeys = {
  all: ['pilots'] as const,
  lists: () => [...pilotKeys.all, 'list'] as const,
  list: (query: PilotListQuery) => [...pilotKeys.lists(), query] as const,
  detail: (id: string) => [...pilotKeys.all, 'detail', id] as const,
  eligibility: (id: string) => [...pilotKeys.detail(id), 'eligibility'] as const,
  milestones: (id: string) => [...pilotKeys.detail(id), 'milestones'] as const,
  transitions: (id: string) => [...pilotKeys.detail(id), 'transitions'] as const,
  functions: () => [...pilotKeys.all, 'functions'] as const,
};
