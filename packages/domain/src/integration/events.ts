import type { ApiScope } from '../roles';

/**
 * Rules of the change feed and webhooks (SPEC §5) that both the API and the console need: which
 * events a machine client may read, how subscriptions name event types, and how deliveries back off.
 */

/**
 * Every kind of change the platform announces in the change feed and to webhooks: what integrators
 * subscribe to. A write names one of these (`lib/write.ts`), so a misspelt or unlisted type does not
 * compile; adding one here is a contract change (docs/webhooks.md lists them).
 */
export const EVENT_TYPES = [
  'society.created',
  'society.updated',
  'society.deleted',
  'society.status_changed',
  'society.term_created',
  'society.council_changed',
  'alliance.created',
  'alliance.updated',
  'alliance.deleted',
  'annual_report.submitted',
  'annual_report.status_changed',
  'inspection.recorded',
  'member.created',
  'member.updated',
  'member.status_changed',
  'member.dues_recorded',
  'expert.created',
  'expert.updated',
  'program.created',
  'program.updated',
  'program.status_changed',
  'program.reviewers_assigned',
  'program.allocation_applied',
  'application.created',
  'application.updated',
  'application.status_changed',
  'assignment.created',
  'assignment.ended',
  'review.submitted',
  'objection.filed',
  'objection.resolved',
  'calendar.updated',
  'pilot.proposed',
  'pilot.updated',
  'pilot.status_changed',
  'pilot.milestone_added',
  'pilot.milestone_updated',
  'pilot.milestone_accepted',
  'pilot.evaluated',
  'document.uploaded',
  'document.issued',
  'activity.created',
  'activity.updated',
  'activity.deleted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** `society.updated` → `society`. */
export type EventFamily = EventType extends `${infer Family}.${string}` ? Family : never;

/**
 * The read scope an event's family needs, besides `events:read`: a feed must not hand a client what
 * the resource's own endpoints would refuse it. Every family must be mapped (the compiler says so), so
 * a new kind of event never reaches a client that could not read the resource itself.
 */
export const EVENT_FAMILY_SCOPES: Readonly<Record<EventFamily, ApiScope>> = {
  society: 'societies:read',
  alliance: 'societies:read',
  annual_report: 'societies:read',
  inspection: 'societies:read',
  member: 'members:read',
  expert: 'experts:read',
  program: 'funding:read',
  application: 'funding:read',
  assignment: 'funding:read',
  review: 'funding:read',
  objection: 'funding:read',
  calendar: 'funding:read',
  pilot: 'pilots:read',
  document: 'societies:read',
  // A society's activities are read with its other society data (ACCESS.activities.read).
  activity: 'societies:read',
};

/** `society.updated` → `society`. */
export function eventFamily(type: string): string {
  const dot = type.indexOf('.');
  return dot < 0 ? type : type.slice(0, dot);
}

/** The families a client holding these scopes may read. */
export function readableEventFamilies(scopes: readonly string[]): string[] {
  return Object.entries(EVENT_FAMILY_SCOPES)
    .filter(([, scope]) => scopes.includes(scope))
    .map(([family]) => family);
}

/**
 * How a subscription or a feed filter names event types: an exact type (`member.created`), a whole
 * family (`member.*`), or everything (`*`).
 */
export const EVENT_TYPE_PATTERN = '^(\\*|[a-z][a-z_]*\\.(\\*|[a-z][a-z_]*))$';
const EVENT_TYPE_REGEX = new RegExp(EVENT_TYPE_PATTERN);

export function isEventTypePattern(value: string): boolean {
  return EVENT_TYPE_REGEX.test(value);
}

export function matchesEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some(
    (pattern) =>
      pattern === '*' || pattern === type || (pattern.endsWith('.*') && eventFamily(type) === pattern.slice(0, -2)),
  );
}

export interface RetryPolicy {
  /** Delay after the first failed attempt. */
  baseSeconds: number;
  /** No delay is ever longer than this. */
  capSeconds: number;
}

/**
 * Seconds to wait after the `failedAttempts`-th failure: doubling from the base, capped, with up to
 * 20% taken off at random (`random` in [0, 1)) so receivers that come back are not hit by every
 * sender at the same instant.
 */
export function retryDelaySeconds(failedAttempts: number, policy: RetryPolicy, random: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^exponent overflows to Infinity long before it matters; the cap bounds it either way.
  const delay = Math.min(policy.capSeconds, policy.baseSeconds * 2 ** Math.min(exponent, 60));
  return Math.max(1, Math.round(delay * (1 - 0.2 * Math.min(Math.max(random, 0), 1))));
}
