import { ImportWizard } from '@/components/import-wizard/import-wizard';
import { Result } from '@/components/query-error';
import { useSociety } from '@/features/societies';
import { policies } from '@/lib/authorization';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { useImportMembers } from '../api/import-members';
import { MEMBER_IMPORT } from './import-mapping';

/** A society's member list from a spreadsheet, through the shared import wizard. */
export function MemberImportWizard({ societyId }: { societyId: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const society = useSociety(societyId);
  const importer = useImportMembers();
  const membersUrl = `/societies/${societyId}?tab=members`;

  if (!policies.manageMembers(user, societyId)) {
    return <Result status="403" title={t('problem.forbidden')} />;
  }
  return (
    <ImportWizard
      spec={MEMBER_IMPORT}
      breadcrumb={[
        { title: t('nav.societies'), to: '/societies' },
        { title: society.data?.name ?? t('common.loading'), to: membersUrl },
        { title: t('import.title') },
      ]}
      listUrl={membersUrl}
      send={(rows, dryRun) => importer.mutateAsync({ societyId, rows, dryRun })}
    />
  );
}
