import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { FunctionCatalogue } from '@/features/pilots/components/function-catalogue';
import { pilotsMessages } from '@/features/pilots/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(pilotsMessages);

/** The function catalogue: what departments hand over and what each function requires. */
export function PilotFunctionsRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.pilots'), to: '/pilots' }, { title: t('nav.pilotFunctions') }]}
        title={t('pilotFunction.title')}
        subTitle={t('pilotFunction.description')}
        extra={
          policies.managePilots(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="function-add">
              {t('pilotFunction.add')}
            </Button>
          )
        }
      />
      <FunctionCatalogue adding={adding} onAdded={() => setAdding(false)} />
    </>
  );
}
