import type { Messages } from '@/lib/i18n';

/** The frame of the Association's public pages: the header band and the footer. */
const zh = {
  'public.org': '市科学技术协会',
  'public.section': '学会项目资助 · 公示公告',
  'public.staffLogin': '工作人员登录',
  'public.footer.host': '主办：市科学技术协会 学会工作部',
  'public.footer.note': '本栏目信息公开发布，无需登录即可查阅。',
} as const;

export type PublicLayoutKey = keyof typeof zh;

declare module '@/lib/i18n' {
  interface Dictionaries {
    publicLayout: PublicLayoutKey;
  }
}

/** Registered by `public-layout.tsx`, which shows these words: Chinese at once, English when chosen. */
export const publicLayoutMessages = { zh, en: () => import('./messages.en') } satisfies Messages<PublicLayoutKey>;
