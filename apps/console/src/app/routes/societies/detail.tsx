import { useParams } from 'react-router';
import { onDemand } from '@/components/on-demand';
import { SocietyDetail, type SocietyPanels } from '@/features/societies/components/society-detail';
import { societiesMessages } from '@/features/societies/messages';
import { registerMessages } from '@/lib/i18n';
import { NotFoundRoute } from '../not-found-on-demand';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(societiesMessages);

// The tabs after the profile, fetched when first chosen: the profile opens without their tables and forms.
const AnnualReports = onDemand(() =>
  import('@/features/governance/components/annual-reports').then((m) => m.AnnualReports),
);
const CapacityView = onDemand(() =>
  import('@/features/governance/components/capacity-view').then((m) => m.CapacityView),
);
const CouncilRoster = onDemand(() =>
  import('@/features/governance/components/council-roster').then((m) => m.CouncilRoster),
);
const GovernanceChecklist = onDemand(() =>
  import('@/features/governance/components/governance-checklist').then((m) => m.GovernanceChecklist),
);
const TermsList = onDemand(() => import('@/features/governance/components/terms-list').then((m) => m.TermsList));
const MembersTab = onDemand(() => import('@/features/members/components/members-tab').then((m) => m.MembersTab));
const panels: SocietyPanels = {
  GovernanceChecklist,
  MembersTab,
  CouncilRoster,
  TermsList,
  AnnualReports,
  CapacityView,
};

export function SocietyDetailRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <SocietyDetail key={id} id={id} panels={panels} />;
}
