/** Query keys of the reviewer's pages; the staff funding pages keep their own. */
export const reviewKeys = {
  all: ['reviews'] as const,
  queue: () => [...reviewKeys.all, 'queue'] as const,
  programs: () => [...reviewKeys.all, 'programs'] as const,
  program: (id: string) => [...reviewKeys.programs(), id] as const,
  declaration: (programId: string) => [...reviewKeys.program(programId), 'declaration'] as const,
  applications: () => [...reviewKeys.all, 'application'] as const,
  application: (id: string) => [...reviewKeys.applications(), id] as const,
  reviews: (applicationId: string) => [...reviewKeys.application(applicationId), 'reviews'] as const,
};
