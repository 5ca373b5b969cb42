import { onDemand } from '@/components/on-demand';

/** The message's drawer, fetched when first opened (see `onDemand`). */
export const MessageDrawer = onDemand(() => import('./message-drawer').then((m) => m.MessageDrawer));
