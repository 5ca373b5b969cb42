import { onDemand } from '@/components/on-demand';

/**
 * The audit entry drawer, fetched when first opened (see `onDemand`): the pages that offer them load
 * without the forms, pickers and inputs inside.
 */
export const AuditEntryDrawer = onDemand(
  () => import('./audit-entry-drawer').then((m) => m.AuditEntryDrawer),
  (props) => props.entry !== undefined,
);
