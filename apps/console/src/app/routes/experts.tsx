import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { ExpertsList } from '@/features/experts/components/experts-list';
import { policies } from '@/lib/authorization';
import { useCurrentUser } from '@/lib/session';
import { useI18n } from '../i18n';

export function ExpertsRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.group.societies') }, { title: t('expert.title') }]}
        title={t('expert.title')}
        subTitle={t('expert.description')}
        extra={
          policies.manageExperts(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="expert-add">
              {t('expert.add')}
            </Button>
          )
        }
      />
      <ExpertsList creating={creating} onCreated={() => setCreating(false)} />
    </>
  );
}
