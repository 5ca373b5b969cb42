import { ExpertImportWizard } from '@/features/experts/components/expert-import-wizard';

export function ExpertImportRoute() {
  return <ExpertImportWizard />;
}
