import { onDemand } from '@/components/on-demand';

/**
 * The account drawers and modals, fetched when first opened (see `onDemand`): the pages that offer
 * them load without the forms, pickers and inputs inside.
 */
export const UserFormModal = onDemand(() => import('./user-form-modal').then((m) => m.UserFormModal));

export const ResetPasswordModal = onDemand(() => import('./reset-password-modal').then((m) => m.ResetPasswordModal));
