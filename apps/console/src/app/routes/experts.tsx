import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { ExpertExportButton } from '@/features/experts/components/expert-export-button';
import { readExpertFilters } from '@/features/experts/components/expert-filters';
import { ExpertsList } from '@/features/experts/components/experts-list';
import { policies } from '@/lib/authorization';
import { useCurrentUser } from '@/lib/session';
import { useI18n } from '../i18n';
// The words this page shows: Chinese with its code, English once chosen (app/messages/registry.ts).
import '@/app/messages/members';

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
