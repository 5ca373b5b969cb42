import type { Messages } from '@/lib/i18n';

/** The pager's words (`cursor-pager.tsx`, and the lists that page on their own). */
const zh = {
  'common.prevPage': '上一页',
  'common.nextPage': '下一页',
  'common.firstPage': '首页',
  'common.pageSize': '每页 {n} 条',
  'common.pageNo': '第 {n} 页',
} as const;

export type PagerKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    pager: PagerKey;
  }
}

/** Registered by the pager and the lists that show these words: Chinese at once, English when chosen. */
export const pagerMessages = { zh, en: () => import('./pager-messages.en') } satisfies Messages<PagerKey>;
