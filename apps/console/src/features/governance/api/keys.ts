import type { ReportQueueQuery } from './types';

export const governanceKeys = {
  all: ['governance'] as const,
  society: (societyId: string) => [...governanceKeys.all, 'society', societyId] as const,
  terms: (societyId: string) => [...governanceKeys.society(societyId), 'terms'] as const,
  members: (societyId: string) => [...governanceKeys.society(societyId), 'council-members'] as const,
  checklist: (societyId: string) => [...governanceKeys.society(societyId), 'checklist'] as const,
  reports: (societyId: string) => [...governanceKeys.society(societyId), 'annual-reports'] as const,
  capacity: (societyId: string) => [...governanceKeys.society(societyId), 'capacity'] as const,
  queues: () => [...governanceKeys.all, 'report-queue'] as const,
  queue: (query: ReportQueueQuery) => [...governanceKeys.queues(), query] as const,
  disqualification: () => [...governanceKeys.all, 'disqualification'] as const,
};
