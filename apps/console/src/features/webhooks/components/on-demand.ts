import { onDemand } from '@/components/on-demand';

/**
 * The webhook modals and deliveries drawer, fetched when first opened (see `onDemand`): the pages that
 * offer them load without the forms, pickers and inputs inside.
 */
export const WebhookFormModal = onDemand(() => import('./webhook-form-modal').then((m) => m.WebhookFormModal));

export const WebhookSecretModal = onDemand(() => import('./webhook-secret-modal').then((m) => m.WebhookSecretModal));

export const DeliveriesDrawer = onDemand(() => import('./deliveries-drawer').then((m) => m.DeliveriesDrawer));
