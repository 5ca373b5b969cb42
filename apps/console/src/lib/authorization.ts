import { ACCESS, type AccessRule, type Role, roleMay } from '@society-hub/domain';

export interface Principal {
  role: Role;
  societyIds: readonly string[];
}

const may = (rule: AccessRule, user: Principal) => roleMay(rule, user.role);
/** The officer's own societies: where a rule admits officers, it admits them for their societies only. */
const forSociety = (rule: AccessRule, user: Principal, societyId: string) =>
  may(rule, user) && (user.role !== 'society_officer' || user.societyIds.includes(societyId));

/**
 * What the console offers each role. The API enforces the rules; this only hides what would fail. Each
 * policy derives from the same rule the API's routes declare (`ACCESS` in the domain); the few that
 * narrow it on purpose — a page a role may read but has no use for — say so.
 */
export const policies = {
  // The Association's overview; a society's own people land on their society's page instead (narrower
  // than the API, which also gives officers their own society's figures).
  viewDashboard: (user: Principal) => may(ACCESS.societies.dashboard, user) && user.role !== 'society_officer',
  // Reviewers may read the registry through the API but have no page for it: their work is the queue.
  viewSocieties: (user: Principal) => may(ACCESS.societies.read, user) && user.role !== 'reviewer',
  createSociety: (user: Principal) => may(ACCESS.societies.register, user),
  editSociety: (user: Principal, societyId: string) => forSociety(ACCESS.societies.edit, user, societyId),
  editCreditCode: (user: Principal) => may(ACCESS.societies.register, user),
  overrideCreditCode: (user: Principal) => may(ACCESS.societies.register, user),
  transitionSociety: (user: Principal) => may(ACCESS.societies.register, user),
  deleteSociety: (user: Principal) => may(ACCESS.societies.register, user),
  /** Accounts, machine clients and signing keys: the auditor reads everything, only the admin writes. */
  viewAdministration: (user: Principal) => may(ACCESS.administration.read, user),
  manageAdministration: (user: Principal) => may(ACCESS.administration.write, user),
  /**
   * The message log (发信记录): addresses and invitation links, so the staff only. Whoever reads it may
   * send again (ACCESS.messages.redeliver names the same roles), so the page needs no second policy.
   */
  viewMessages: (user: Principal) => may(ACCESS.messages.read, user),
  viewAuditLog: (user: Principal) => may(ACCESS.audit.read, user),
  /** Terms, the council roster and annual reports: the admin and the society's own officers write. */
  manageGovernance: (user: Principal, societyId: string) => forSociety(ACCESS.governance.write, user, societyId),
  /** Annual reports are filed by the society (or for it by the admin); the auditor reads them. */
  viewAnnualReports: (user: Principal) => may(ACCESS.reports.read, user),
  recordInspection: (user: Principal) => may(ACCESS.reports.inspect, user),
  editEvaluationGrade: (user: Principal) => may(ACCESS.societies.register, user),
  /** The Association's cross-society views: the review queue and the disqualification list. */
  reviewReports: (user: Principal) => may(ACCESS.reports.oversee, user),
  viewDisqualification: (user: Principal) => may(ACCESS.reports.oversee, user),
  // As the registry: reviewers have no page for alliances.
  viewAlliances: (user: Principal) => may(ACCESS.alliances.read, user) && user.role !== 'reviewer',
  manageAlliances: (user: Principal) => may(ACCESS.alliances.write, user),
  /** Members: the admin, the auditor (read only) and the society's own officers. */
  viewMembers: (user: Principal) => may(ACCESS.members.read, user),
  manageMembers: (user: Principal, societyId: string) => forSociety(ACCESS.members.write, user, societyId),
  /** The approval queue: officers see their societies' applications, the admin chooses a society. */
  approveMembers: (user: Principal) => may(ACCESS.members.write, user),
  /** The Association's expert pools: the auditor reads, the admin maintains them. */
  viewExperts: (user: Principal) => may(ACCESS.experts.read, user),
  manageExperts: (user: Principal) => may(ACCESS.experts.write, user),
  /** Project funding: staff run the calls, the auditor reads, a society's secretariat applies for its society. */
  viewFunding: (user: Principal) => may(ACCESS.funding.applicationsRead, user),
  manageFunding: (user: Principal) => may(ACCESS.funding.staff, user),
  /** The Association's side of a call: assignments, ranking, objections and every society's applications. */
  viewFundingReview: (user: Principal) => may(ACCESS.funding.staffRead, user),
  // Staff may file for a society through the API; in the console a society applies through its own people.
  applyForFunding: (user: Principal, societyId: string) =>
    forSociety(ACCESS.funding.apply, user, societyId) && user.role === 'society_officer',
  /** The reviewer's own queue and scoring: only expert reviewers have assignments. */
  reviewApplications: (user: Principal) => may(ACCESS.funding.review, user),
  /** Government-function pilots: staff decide, the auditor reads, a society's secretariat proposes and reports. */
  viewPilots: (user: Principal) => may(ACCESS.pilots.read, user),
  managePilots: (user: Principal) => may(ACCESS.pilots.staff, user),
  proposePilot: (user: Principal, societyId?: string) =>
    societyId === undefined
      ? may(ACCESS.pilots.write, user) && (user.role !== 'society_officer' || user.societyIds.length > 0)
      : forSociety(ACCESS.pilots.write, user, societyId),
  // The working-day calendar: every role reads it through the API (notice periods); its page is for
  // the staff who keep it and the auditors who check it.
  viewCalendar: (user: Principal) =>
    may(ACCESS.calendar.read, user) && (user.role === 'admin' || user.role === 'auditor'),
  manageCalendar: (user: Principal) => may(ACCESS.calendar.write, user),
} as const;
