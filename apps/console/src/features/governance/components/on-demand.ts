import { onDemand } from '@/components/on-demand';

/**
 * The council member modal, fetched when first opened (see `onDemand`): the pages that offer them load
 * without the forms, pickers and inputs inside.
 */
export const CouncilMemberModal = onDemand(() => import('./council-member-modal').then((m) => m.CouncilMemberModal));
