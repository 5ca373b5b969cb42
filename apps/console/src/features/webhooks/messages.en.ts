import type { IntegrationKey } from './messages';

/** The English of `messages.ts`, fetched only once the reader chooses English. */
const en: Record<IntegrationKey, string> = {
  'webhook.list.title': 'Integration',
  'webhook.list.description':
    'Other city systems (civil affairs, finance, science and technology bureaus …) read every change in order from the change feed (GET /v1/events), or subscribe to webhooks the platform pushes, signed with HMAC-SHA256.',
  'webhook.tab.subscriptions': 'Webhook subscriptions',
  'webhook.tab.feed': 'Change feed',
  'webhook.empty': 'No webhook subscriptions yet',
  'webhook.createTitle': 'New subscription',
  'webhook.createSubmit': 'Subscribe',
  'webhook.field.client': 'System',
  'webhook.field.url': 'Receiver URL',
  'webhook.field.eventTypes': 'Event types',
  'webhook.field.description': 'Description',
  'webhook.field.createdAt': 'Created',
  'webhook.field.secret': 'Signing secret',
  'webhook.clientHelp':
    'Delivers what this system’s change feed shows (its scopes and societies); it needs the “Change feed · read” scope.',
  'webhook.clientPlaceholder': 'Choose a machine client',
  'webhook.urlHelp':
    'An https URL on a public host; the platform never calls internal or local addresses, nor follows redirects.',
  'webhook.eventTypesHelp': 'An exact type (member.created), a family (member.*) or * for everything.',
  'webhook.error.client_required': 'Choose the system',
  'webhook.error.url_required': 'Enter the receiver URL',
  'webhook.error.types_required': 'Choose at least one event type',
  'webhook.error.missing_scope':
    'This system lacks the “Change feed · read” scope; grant it on the machine client first.',
  'webhook.error.unsafe_url': 'This URL cannot be used: {reason}',
  'webhook.secret.title': 'Subscription created: keep the signing secret',
  'webhook.secret.warningDetail':
    'The secret is shown only this once. The receiver checks each delivery’s SocietyHub-Signature with it.',
  'webhook.secret.usage':
    'How to verify, with code, is in docs/webhooks.md: HMAC-SHA256 over “timestamp.body”, refusing timestamps older than 5 minutes.',
  'webhook.deliveries': 'Deliveries',
  'webhook.deleteTitle': 'Delete this subscription?',
  'webhook.deleteHint': 'Nothing more is sent to {url}; its delivery log is deleted too.',
  'webhook.deleted': 'Subscription deleted',
  'webhook.delivery.title': 'Deliveries · {url}',
  'webhook.delivery.all': 'All',
  'webhook.delivery.hint': 'Failures are retried with exponential backoff; once given up, deliver again by hand.',
  'webhook.delivery.empty': 'No deliveries yet',
  'webhook.delivery.queuedAt': 'Queued',
  'webhook.delivery.eventType': 'Event',
  'webhook.delivery.status': 'Status',
  'webhook.delivery.status.pending': 'Pending',
  'webhook.delivery.status.succeeded': 'Delivered',
  'webhook.delivery.status.failed': 'Given up',
  'webhook.delivery.attempts': 'Attempts',
  'webhook.delivery.lastResult': 'Last result',
  'webhook.delivery.when': 'When',
  'webhook.delivery.nextAt': 'Next {at}',
  'webhook.delivery.redeliver': 'Redeliver',
  'webhook.delivery.requeued': 'Queued for delivery',
  'webhook.delivery.attemptAt': 'Attempted',
  'webhook.delivery.duration': 'Took',
  'webhook.delivery.result': 'Result',

  'event.intro':
    'The change feed lists every change in commit order, exactly as integrating systems read it (from the start, 50 a page).',
  'event.typePlaceholder': 'Filter by type, e.g. society.*,member.created',
  'event.empty': 'No events yet',
  'event.upToDate': 'Up to date',
  'event.field.at': 'When',
  'event.field.type': 'Type',
  'event.field.resource': 'Resource',
};

export default en;
