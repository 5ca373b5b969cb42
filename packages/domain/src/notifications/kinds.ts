/**
 * What the platform tells people (issue 19). Each kind is on by default; a person may mute any kind
 * that is not a legal notice — what the rules oblige the Association to deliver (an account's own
 * invitation, reset and confirmation codes; a decision on an application) is always sent.
 */
export const NOTIFICATION_KINDS = [
  'invitation',
  'password_reset',
  'contact_verification',
  'review_assigned',
  'annual_report_due',
  'annual_report_overdue',
  'application_returned',
  'application_decided',
  'call_opened',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const LEGAL: ReadonlySet<NotificationKind> = new Set([
  'invitation',
  'password_reset',
  'contact_verification',
  'application_returned',
  'application_decided',
]);

/** Whether a person may choose not to receive this kind. */
export function isMutable(kind: NotificationKind): boolean {
  return !LEGAL.has(kind);
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The key that makes a send happen once: the same kind about the same thing for the same period to the
 * same person is one notification and one message per channel, however often it is produced.
 */
export function dedupeKey(kind: NotificationKind, item: string, period: string, recipient: string): string {
  return `${kind}:${item}:${period}:${recipient}`;
}
