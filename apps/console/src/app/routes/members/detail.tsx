import { useParams } from 'react-router';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { MemberDetail } from '@/features/members/components/member-detail';
import { membersMessages } from '@/features/members/messages';
import { registerMessages } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { NotFoundRoute } from '../not-found-on-demand';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, membersMessages, importWizardMessages);

export function MemberDetailRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <MemberDetail key={id} id={id} />;
}
