import type { AllocationStrategy, ApplicationListQuery, ProgramListQuery } from './types';

export const fundingKeys = {
  all: ['funding'] as const,
  programs: () => [...fundingKeys.all, 'programs'] as const,
  programList: (query: ProgramListQuery) => [...fundingKeys.programs(), 'list', query] as const,
  program: (id: string) => [...fundingKeys.programs(), 'detail', id] as const,
  /** Everything that hangs off one program: its applications, board, ranking and objections. */
  ofProgram: (id: string) => [...fundingKeys.all, 'program', id] as const,
  applicationList: (programId: string, query: ApplicationListQuery) =>
    [...fundingKeys.ofProgram(programId), 'applications', query] as const,
  assignments: (programId: string) => [...fundingKeys.ofProgram(programId), 'assignments'] as const,
  ranking: (programId: string, strategy: AllocationStrategy | undefined) =>
    [...fundingKeys.ofProgram(programId), 'ranking', strategy ?? 'own'] as const,
  objections: (programId: string) => [...fundingKeys.ofProgram(programId), 'objections'] as const,
  applications: () => [...fundingKeys.all, 'application'] as const,
  application: (id: string) => [...fundingKeys.applications(), id] as const,
  transitions: (id: string) => [...fundingKeys.application(id), 'transitions'] as const,
  screening: (id: string) => [...fundingKeys.application(id), 'screening'] as const,
  reviews: (id: string) => [...fundingKeys.application(id), 'reviews'] as const,
  experts: (q: string) => [...fundingKeys.all, 'experts', q] as const,
};
