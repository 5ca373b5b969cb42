import { onDemand } from '@/components/on-demand';

/**
 * The expert drawers, fetched when first opened (see `onDemand`): the pages that offer them load
 * without the forms, pickers and inputs inside.
 */
export const ExpertFormDrawer = onDemand(() => import('./expert-form-drawer').then((m) => m.ExpertFormDrawer));

export const ExpertEditDrawer = onDemand(() => import('./expert-form-drawer').then((m) => m.ExpertEditDrawer));
