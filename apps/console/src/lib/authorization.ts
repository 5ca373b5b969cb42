import type { Role } from '@society-hub/domain';

export interface Principal {
  role: Role;
  societyIds: readonly string[];
}

/** What the console offers each role; the API enforces the same rules, this only hides what would fail. */
export const policies = {
  // The Association's overview; a society's own people land on their society's page instead.
  viewDashboard: (user: Principal) => user.role === 'admin' || user.role === 'auditor',
  viewSocieties: (user: Principal) => user.role !== 'reviewer',
  createSociety: (user: Principal) => user.role === 'admin',
  editSociety: (user: Principal, societyId: string) =>
    user.role === 'admin' || (user.role === 'society_officer' && user.societyIds.includes(societyId)),
  editCreditCode: (user: Principal) => user.role === 'admin',
  overrideCreditCode: (user: Principal) => user.role === 'admin',
  transitionSociety: (user: Principal) => user.role === 'admin',
  deleteSociety: (user: Principal) => user.role === 'admin',
  /** Accounts, machine clients and signing keys: the auditor reads everything, only the admin writes. */
  viewAdministration: (user: Principal) => user.role === 'admin' || user.role === 'auditor',
  manageAdministration: (user: Principal) => user.role === 'admin',
  viewAuditLog: (user: Principal) => user.role === 'admin' || user.role === 'auditor',
  /** Terms, the council roster and annual reports: the admin and the society's own officers write. */
  manageGovernance: (user: Principal, societyId: string) =>
    user.role === 'admin' || (user.role === 'society_officer' && user.societyIds.includes(societyId)),
  /** Annual reports are filed by the society (or for it by the admin); the auditor reads them. */
  viewAnnualReports: (user: Principal) => user.role !== 'reviewer',
  recordInspection: (user: Principal) => user.role === 'admin',
  editEvaluationGrade: (user: Principal) => user.role === 'admin',
  /** The Association's cross-society views: the review queue and the disqualification list. */
  reviewReports: (user: Principal) => user.role === 'admin' || user.role === 'auditor',
  viewDisqualification: (user: Principal) => user.role === 'admin' || user.role === 'auditor',
  viewAlliances: (user: Principal) => user.role !== 'reviewer',
  manageAlliances: (user: Principal) => user.role === 'admin',
  /** Members: the admin, the auditor (read only) and the society's own officers. */
  viewMembers: (user: Principal) => user.role === 'admin' || user.role === 'auditor' || user.role === 'society_officer',
  manageMembers: (user: Principal, societyId: string) =>
    user.role === 'admin' || (user.role === 'society_officer' && user.societyIds.includes(societyId)),
  /** The approval queue: officers see their societies' applications, the admin chooses a society. */
  approveMembers: (user: Principal) => user.role === 'admin' || user.role === 'society_officer',
  /** The Association's expert pools: the auditor reads, the admin maintains them. */
  viewExperts: (user: Principal) => user.role === 'admin' || user.role === 'auditor',
  manageExperts: (user: Principal) => user.role === 'admin',
  /** Project funding: staff run the calls, the auditor reads, a society's secretariat applies for its society. */
  viewFunding: (user: Principal) => user.role === 'admin' || user.role === 'auditor' || user.role === 'society_officer',
  manageFunding: (user: Principal) => user.role === 'admin',
  /** The Association's side of a call: assignments, ranking, objections and every society's applications. */
  viewFundingReview: (user: Principal) => user.role === 'admin' || user.role === 'auditor',
  applyForFunding: (user: Principal, societyId: string) =>
    user.role === 'society_officer' && user.societyIds.includes(societyId),
  /** The reviewer's own queue and scoring: only expert reviewers have assignments. */
  reviewApplications: (user: Principal) => user.role === 'reviewer',
  /** Government-function pilots: staff decide, the auditor reads, a society's secretariat proposes and reports. */
  viewPilots: (user: Principal) => user.role === 'admin' || user.role === 'auditor' || user.role === 'society_officer',
  managePilots: (user: Principal) => user.role === 'admin',
  proposePilot: (user: Principal, societyId?: string) =>
    user.role === 'admin' ||
    (user.role === 'society_officer' &&
      (societyId === undefined ? user.societyIds.length > 0 : user.societyIds.includes(societyId))),
  /** The working-day calendar of public notices: the auditor reads, the admin keeps it. */
  viewCalendar: (user: Principal) => user.role === 'admin' || user.role === 'auditor',
  manageCalendar: (user: Principal) => user.role === 'admin',
} as const;
