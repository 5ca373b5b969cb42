import { onDemand } from '@/components/on-demand';

/**
 * The API client modals, fetched when first opened (see `onDemand`): the pages that offer them load
 * without the forms, pickers and inputs inside.
 */
export const ClientFormModal = onDemand(() => import('./client-form-modal').then((m) => m.ClientFormModal));

export const SecretModal = onDemand(() => import('./secret-modal').then((m) => m.SecretModal));
