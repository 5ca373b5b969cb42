import type { InboxKey } from './messages';

/** The English of `messages.ts`, fetched only once the reader chooses English. */
const en: Record<InboxKey, string> = {
  'inbox.title': 'Notifications',
  'inbox.empty': 'No notifications',
  'inbox.markAll': 'Mark all read',
  'inbox.unread': 'Unread',
  'inbox.failed': 'Could not load notifications',
};

export default en;
