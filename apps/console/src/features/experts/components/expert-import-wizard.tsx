import { ImportWizard } from '@/components/import-wizard/import-wizard';
import { Result } from '@/components/query-error';
import { policies } from '@/lib/authorization';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { useImportExperts } from '../api/import-experts';
import { EXPERT_IMPORT } from './expert-import';

/** The expert pools from a spreadsheet, through the shared import wizard; only the admin writes. */
export function ExpertImportWizard() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const importer = useImportExperts();
  if (!policies.manageExperts(user)) {
    return <Result status="403" title={t('problem.forbidden')} />;
  }
  return (
    <ImportWizard
      spec={EXPERT_IMPORT}
      breadcrumb={[
        { title: t('nav.group.societies') },
        { title: t('expert.title'), to: '/experts' },
        { title: t('expertImport.title') },
      ]}
      listUrl="/experts"
      send={(rows, dryRun) => importer.mutateAsync({ rows, dryRun })}
    />
  );
}
