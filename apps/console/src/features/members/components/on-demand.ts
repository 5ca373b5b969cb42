import { onDemand } from '@/components/on-demand';

/**
 * The member drawer and status-change modal, fetched when first opened (see `onDemand`): the pages
 * that offer them load without the forms, pickers and inputs inside.
 */
export const MemberFormDrawer = onDemand(() => import('./member-form-drawer').then((m) => m.MemberFormDrawer));

export const MemberTransitionModal = onDemand(() =>
  import('./member-transition-modal').then((m) => m.MemberTransitionModal),
);
