import { onDemand } from '@/components/on-demand';

/**
 * The declaration and decline modals, fetched when first opened (see `onDemand`): the pages that offer
 * them load without the forms, pickers and inputs inside.
 */
export const DeclarationModal = onDemand(() => import('./declaration-modal').then((m) => m.DeclarationModal));

export const DeclineModal = onDemand(() => import('./decline-modal').then((m) => m.DeclineModal));

/**
 * The other reviewers' scores, fetched just after the page: while review is open they are hidden
 * anyway, and the application and the score form come first.
 */
export const OtherReviews = onDemand(() => import('./other-reviews').then((m) => m.OtherReviews));
