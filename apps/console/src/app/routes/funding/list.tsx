import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { ProgramFormDrawer } from '@/features/funding/components/on-demand';
import { ProgramsList } from '@/features/funding/components/programs-list';
import { SocietyFunding } from '@/features/funding/components/society-funding';
import { fundingMessages } from '@/features/funding/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(fundingMessages);

/** 项目资助: the Association's calls for staff; for a society's secretariat, the open calls and its applications. */
export function FundingRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [creating, setCreating] = useState(false);
  const society = user.role === 'society_officer';
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.funding') }]}
        title={t('funding.list.title')}
        subTitle={society ? t('funding.list.societyDescription') : t('funding.list.description')}
        extra={
          policies.manageFunding(user) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="program-create"
            >
              {t('funding.list.create')}
            </Button>
          )
        }
      />
      {society ? <SocietyFunding /> : <ProgramsList />}
      {creating && <ProgramFormDrawer onClose={() => setCreating(false)} />}
    </>
  );
}
