import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { PageHeader } from '@/components/page-header';
import { ExpertExportButton } from '@/features/experts/components/expert-export-button';
import { readExpertFilters } from '@/features/experts/components/expert-filters';
import { ExpertsList } from '@/features/experts/components/experts-list';
import { expertsMessages } from '@/features/experts/messages';
import { membersMessages } from '@/features/members/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(membersMessages, expertsMessages, importWizardMessages);

export function ExpertsRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const canManage = policies.manageExperts(user);
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.group.societies') }, { title: t('expert.title') }]}
        title={t('expert.title')}
        subTitle={t('expert.description')}
        extra={
          <>
            <ExpertExportButton filters={readExpertFilters(search)} />
            {canManage && (
              <>
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => navigate('/experts/import')}
                  data-testid="expert-import"
                >
                  {t('member.list.import')}
                </Button>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                  data-testid="expert-add"
                >
                  {t('expert.add')}
                </Button>
              </>
            )}
          </>
        }
      />
      <ExpertsList creating={creating} onCreated={() => setCreating(false)} />
    </>
  );
}
