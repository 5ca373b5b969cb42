import { onDemand } from '@/components/on-demand';

/**
 * The program and application drawers, fetched when first opened (see `onDemand`): the pages that
 * offer them load without the forms, pickers and inputs inside.
 */
export const ProgramFormDrawer = onDemand(() => import('./program-form-drawer').then((m) => m.ProgramFormDrawer));

export const ApplicationFormDrawer = onDemand(() =>
  import('./application-form-drawer').then((m) => m.ApplicationFormDrawer),
);

export const ProgramMoveModal = onDemand(() => import('./program-move-modal').then((m) => m.ProgramMoveModal));

export const ApplicationMoveModal = onDemand(() =>
  import('./application-move-modal').then((m) => m.ApplicationMoveModal),
);
