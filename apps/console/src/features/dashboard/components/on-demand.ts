import { onDemand } from '@/components/on-demand';

/**
 * The dashboard's drill-down drawers, fetched when first opened (see `onDemand`): the pages that offer
 * them load without the forms, pickers and inputs inside.
 */
export const MembersDrawer = onDemand(
  () => import('./drill-drawers').then((m) => m.MembersDrawer),
  (props) => props.category !== null,
);

export const JoinedDrawer = onDemand(
  () => import('./drill-drawers').then((m) => m.JoinedDrawer),
  (props) => props.year !== null,
);

export const FundingDrawer = onDemand(
  () => import('./drill-drawers').then((m) => m.FundingDrawer),
  (props) => props.cell !== null,
);
