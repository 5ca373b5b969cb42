import { importWizardMessages } from '@/components/import-wizard/messages';
import { ExpertImportWizard } from '@/features/experts/components/expert-import-wizard';
import { expertsMessages } from '@/features/experts/messages';
import { membersMessages } from '@/features/members/messages';
import { registerMessages } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages, membersMessages, expertsMessages, importWizardMessages);

export function ExpertImportRoute() {
  return <ExpertImportWizard />;
}
