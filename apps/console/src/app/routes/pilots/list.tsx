import { AppstoreOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { PilotFormDrawer } from '@/features/pilots/components/on-demand';
import { PilotsList } from '@/features/pilots/components/pilots-list';
import { pilotsMessages } from '@/features/pilots/messages';
import { policies } from '@/lib/authorization';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { useCurrentUser } from '@/lib/session';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, pilotsMessages);

/** 承接政府转移职能试点: every pilot the reader may see; a society's secretariat proposes from here. */
export function PilotsRoute() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [proposing, setProposing] = useState(false);
  // An officer of one society proposes for it; staff, or an officer of several, choose the society.
  const [only, ...others] = user.societyIds;
  const fixedSociety = user.role === 'society_officer' && only && others.length === 0 ? only : undefined;
  return (
    <>
      <PageHeader
        breadcrumb={[{ title: t('nav.pilots') }]}
        title={t('pilot.list.title')}
        subTitle={t('pilot.list.description')}
        extra={
          <>
            <Link to="/pilots/functions">
              <Button icon={<AppstoreOutlined />} data-testid="pilot-functions-link">
                {t('pilot.list.catalogue')}
              </Button>
            </Link>
            {policies.proposePilot(user) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setProposing(true)}
                data-testid="pilot-propose"
              >
                {t('pilot.list.propose')}
              </Button>
            )}
          </>
        }
      />
      <PilotsList />
      {proposing && (
        <PilotFormDrawer
          {...(fixedSociety ? { societyId: fixedSociety } : {})}
          onClose={() => setProposing(false)}
          onSaved={(pilot) => {
            setProposing(false);
            navigate(`/pilots/${pilot.id}`);
          }}
        />
      )}
    </>
  );
}
