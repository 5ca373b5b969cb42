import type { MessageLogKey } from './messages';

/** The English of `messages.ts`, fetched only once the reader chooses English. */
const en: Record<MessageLogKey, string> = {
  'messageLog.title': 'Message log',
  'messageLog.description':
    'E-mail and SMS the platform sent: recipients masked, with the text and the provider’s answer; failed ones can be sent again',
  'messageLog.empty': 'No messages',
  'messageLog.allStatuses': 'All statuses',
  'messageLog.allChannels': 'All channels',
  'messageLog.status.queued': 'Queued',
  'messageLog.status.sent': 'Sent',
  'messageLog.status.failed': 'Failed',
  'messageLog.status.kept': 'Not sent',
  'messageLog.channel.email': 'E-mail',
  'messageLog.channel.sms': 'SMS',
  'messageLog.field.subject': 'Subject',
  'messageLog.field.recipient': 'Recipient',
  'messageLog.field.channel': 'Channel',
  'messageLog.field.status': 'Status',
  'messageLog.field.attempts': 'Attempts',
  'messageLog.field.createdAt': 'Created',
  'messageLog.field.sentAt': 'Sent',
  'messageLog.field.body': 'Text',
  'messageLog.field.provider': 'Provider’s answer',
  'messageLog.field.lastError': 'Last error',
  'messageLog.detail': 'Message',
  'messageLog.redeliver': 'Send again',
  'messageLog.redelivered': 'Queued to be sent again',
};

export default en;
