import { onDemand } from '@/components/on-demand';

/**
 * The bell, fetched once the signed-in layout has rendered (see `onDemand`): the layout's chunk, which every
 * page behind the sign-in loads, carries only this import; the bell appears a moment later, and its popover
 * (the latest notifications, read on opening) comes with it.
 */
export const NotificationBell = onDemand(() => import('./notification-bell').then((m) => m.NotificationBell));
