import { ExpertImportWizard } from '@/features/experts/components/expert-import-wizard';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/admin';
import '@/app/messages/members';

export function ExpertImportRoute() {
  return <ExpertImportWizard />;
}
