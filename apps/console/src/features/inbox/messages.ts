import type { Messages } from '@/lib/i18n';

/** The bell's words (站内通知): the trigger in the header and its popover. */
const zh = {
  'inbox.title': '站内通知',
  'inbox.empty': '暂无通知',
  'inbox.markAll': '全部已读',
  'inbox.unread': '未读',
  'inbox.failed': '通知加载失败',
} as const;

export type InboxKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    inbox: InboxKey;
  }
}

/** Registered by the bell (`components/notification-bell.tsx`, loaded on demand): Chinese at once, English when chosen. */
export const inboxMessages = { zh, en: () => import('./messages.en') } satisfies Messages<InboxKey>;
