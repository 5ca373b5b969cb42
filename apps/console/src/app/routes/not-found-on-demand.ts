import { onDemand } from '@/components/on-demand';

/**
 * The 404 page for a page whose address is malformed, fetched when shown: antd's Result carries large
 * illustrations that the page itself does not need.
 */
export const NotFoundRoute = onDemand(() => import('./not-found').then((m) => m.NotFoundRoute));
