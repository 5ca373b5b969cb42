import type { PublicLayoutKey } from './messages';

/** The English of `messages.ts`, fetched only once the reader chooses English. */
const en: Record<PublicLayoutKey, string> = {
  'public.org': 'City Association for Science and Technology',
  'public.section': 'Society project funding · Public notices',
  'public.staffLogin': 'Staff sign-in',
  'public.footer.host': 'Published by the Society Affairs Department, City Association for Science and Technology',
  'public.footer.note': 'This page is public; no account is needed to read it.',
};

export default en;
