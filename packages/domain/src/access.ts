import type { ApiScope, Role } from './roles';

/**
 * Who may do what, in one table: the API's routes declare these rules as their access, and the
 * console derives what it offers each role from them, so the two cannot drift apart. A rule names
 * the console roles allowed, the scope a machine client needs (none: no client may), and whether a
 * client bound to particular societies is refused (the Association's own business). Society scope —
 * which of its societies an officer or a bound client reaches — is applied to the data, not here.
 */
export interface AccessRule {
  readonly roles: readonly Role[];
  readonly scope?: ApiScope;
  readonly associationOnly?: boolean;
}

const EVERYONE = ['admin', 'society_officer', 'reviewer', 'auditor'] as const satisfies readonly Role[];
const STAFF = ['admin'] as const satisfies readonly Role[];
const STAFF_AND_AUDIT = ['admin', 'auditor'] as const satisfies readonly Role[];
const SOCIETIES_AND_AUDIT = ['admin', 'society_officer', 'auditor'] as const satisfies readonly Role[];
const SOCIETIES = ['admin', 'society_officer'] as const satisfies readonly Role[];

export const ACCESS = {
  /** Every signed-in person: their own account and password. */
  self: { roles: EVERYONE },
  societies: {
    read: { roles: EVERYONE, scope: 'societies:read' },
    /** Registry facts and the lifecycle: creating, deleting, moving a society, its credit code. */
    register: { roles: STAFF, scope: 'societies:write' },
    /** A society's profile: staff, and the society's own secretariat for its society. */
    edit: { roles: SOCIETIES, scope: 'societies:write' },
    dashboard: { roles: SOCIETIES_AND_AUDIT, scope: 'societies:read' },
  },
  governance: {
    read: { roles: EVERYONE, scope: 'societies:read' },
    /** A society's secretariat keeps its own roster and terms; staff keep everyone's. */
    write: { roles: SOCIETIES, scope: 'societies:write' },
  },
  reports: {
    read: { roles: SOCIETIES_AND_AUDIT, scope: 'societies:read' },
    file: { roles: SOCIETIES, scope: 'societies:write' },
    inspect: { roles: STAFF, scope: 'societies:write' },
    /** Sending a filed report back for correction (退回修改): the Association's staff only. */
    sendBack: { roles: STAFF, scope: 'societies:write', associationOnly: true },
    /** The Association's cross-society views: the disqualification candidates. */
    oversee: { roles: STAFF_AND_AUDIT, scope: 'societies:read' },
  },
  /** The record of activities: a society's secretariat records its own, staff everyone's, auditors read. */
  activities: {
    read: { roles: SOCIETIES_AND_AUDIT, scope: 'societies:read' },
    write: { roles: SOCIETIES, scope: 'societies:write' },
  },
  alliances: {
    read: { roles: EVERYONE, scope: 'societies:read' },
    /** Alliances concern several societies: the Association forms them. */
    write: { roles: STAFF, scope: 'societies:write', associationOnly: true },
  },
  members: {
    read: { roles: SOCIETIES_AND_AUDIT, scope: 'members:read' },
    write: { roles: SOCIETIES, scope: 'members:write' },
  },
  experts: {
    read: { roles: STAFF_AND_AUDIT, scope: 'experts:read' },
    write: { roles: STAFF, scope: 'experts:write' },
  },
  funding: {
    /** Programs: societies apply to them, reviewers score them. */
    programs: { roles: EVERYONE, scope: 'funding:read' },
    applicationsRead: { roles: SOCIETIES_AND_AUDIT, scope: 'funding:read' },
    apply: { roles: SOCIETIES, scope: 'funding:write' },
    /** Assignments, rankings, objections: the Association's side of a call. */
    staffRead: { roles: STAFF_AND_AUDIT, scope: 'funding:read', associationOnly: true },
    staff: { roles: STAFF, scope: 'funding:write', associationOnly: true },
    review: { roles: ['reviewer'] },
  },
  pilots: {
    read: { roles: SOCIETIES_AND_AUDIT, scope: 'pilots:read' },
    /** Societies propose and report; a department's client accepts and evaluates (checked in the service). */
    write: { roles: SOCIETIES, scope: 'pilots:write' },
    staff: { roles: STAFF, scope: 'pilots:write', associationOnly: true },
    evaluate: { roles: STAFF, scope: 'pilots:write' },
  },
  documents: {
    /** A society's archive (档案): every file of its reports, applications, pilots and terms. */
    archive: { roles: SOCIETIES_AND_AUDIT, scope: 'societies:read' },
    /** One file: a reviewer too, for the applications assigned to them (checked in the service). */
    read: { roles: EVERYONE, scope: 'societies:read' },
    upload: { roles: SOCIETIES, scope: 'societies:write' },
    /** Official documents the Association issues (公示, 年检结果), rendered as PDF. */
    issue: { roles: STAFF, scope: 'societies:write', associationOnly: true },
  },
  calendar: {
    read: { roles: EVERYONE, scope: 'funding:read' },
    write: { roles: STAFF, scope: 'funding:write', associationOnly: true },
  },
  /** The audit log is one chain over every society: never a bound client's (docs/security.md). */
  audit: { read: { roles: STAFF_AND_AUDIT, scope: 'audit:read', associationOnly: true } },
  /** Accounts, machine clients and signing keys: the auditor reads, only staff write; no client. */
  administration: { read: { roles: STAFF_AND_AUDIT }, write: { roles: STAFF } },
  events: { read: { roles: STAFF_AND_AUDIT, scope: 'events:read' } },
  webhooks: {
    read: { roles: STAFF_AND_AUDIT, scope: 'webhooks:read' },
    write: { roles: STAFF, scope: 'webhooks:write' },
  },
  /**
   * The messages sent (发信记录): they carry people's addresses and, for invitations and resets, the
   * links themselves (read here when no channel is configured), so only staff, and no machine client.
   */
  messages: { read: { roles: STAFF }, redeliver: { roles: STAFF } },
  /** Inviting someone makes an account: as with typing its password, staff only. */
  invitations: { write: { roles: STAFF } },
} as const satisfies Record<string, AccessRule | Record<string, AccessRule>>;

/** Whether a person of this role may use what the rule guards (society scope aside). */
export function roleMay(rule: AccessRule, role: Role): boolean {
  return rule.roles.includes(role);
}
