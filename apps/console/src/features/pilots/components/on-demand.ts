import { onDemand } from '@/components/on-demand';

/**
 * The pilot proposal drawer, fetched when first opened (see `onDemand`): the pages that offer them
 * load without the forms, pickers and inputs inside.
 */
export const PilotFormDrawer = onDemand(() => import('./pilot-form-drawer').then((m) => m.PilotFormDrawer));

export const PilotTransitionModal = onDemand(() =>
  import('./pilot-transition-modal').then((m) => m.PilotTransitionModal),
);
