import { onDemand } from '@/components/on-demand';

/**
 * The audit entry drawer, fetched when first opened (see `onDemand`): the pages that offer them load
 * without the forms, pickers and inputs inside.
 */
export const AuditEntryDrawer = onDemand(
  () => import('./audit-entry-drawer').then((m) => m.AuditEntryDrawer),
  (props) => props.entry !== undefined,
);

/**
 * The day-range picker of the filter bar, fetched just after the list (the picker and its calendar
 * are about a tenth of the page's code, and the list is what an auditor reads first).
 */
export const DateRangeFilter = onDemand(() => import('./date-range-filter').then((m) => m.DateRangeFilter));
