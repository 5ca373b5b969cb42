import { useParams } from 'react-router';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { MemberImportWizard } from '@/features/members/components/import-wizard';
import { membersMessages } from '@/features/members/messages';
import { registerMessages } from '@/lib/i18n';
import { NotFoundRoute } from '../not-found-on-demand';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(membersMessages, importWizardMessages);

export function MemberImportRoute() {
  const { id } = useParams();
  if (!id) return <NotFoundRoute />;
  return <MemberImportWizard key={id} societyId={id} />;
}
