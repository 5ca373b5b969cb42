export const ROLES = ['admin', 'society_officer', 'reviewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
