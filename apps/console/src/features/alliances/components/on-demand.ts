import { onDemand } from '@/components/on-demand';

/**
 * The alliance modal, fetched when first opened (see `onDemand`): the pages that offer them load
 * without the forms, pickers and inputs inside.
 */
export const AllianceFormModal = onDemand(() => import('./alliance-form-modal').then((m) => m.AllianceFormModal));
