import { pilotLifecycle } from '@society-hub/domain';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { policies } from '@/lib/authorization';
import { useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import type { Pilot, PilotStatus } from '../api/types';
import { PilotTransitionModal } from './on-demand';
import { ACTION_LABEL } from './pilot-moves';

/** The moves this user may ask for now, as the lifecycle says (the society submits or withdraws its proposal; staff decide the rest). */
function movesFor(pilot: Pilot, staff: boolean, applicant: boolean): readonly PilotStatus[] {
  if (staff) return pilotLifecycle.movesFor(pilot.status, 'association');
  if (applicant) return pilotLifecycle.movesFor(pilot.status, 'society');
  return [];
}

export function PilotActions({ pilot }: { pilot: Pilot }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [to, setTo] = useState<PilotStatus | null>(null);
  const moves = movesFor(pilot, policies.managePilots(user), policies.proposePilot(user, pilot.societyId));
  if (moves.length === 0) return null;
  return (
    <Space wrap>
      {moves.map((move) => (
        <Button
          key={move}
          type={move === 'terminated' || move === 'rejected' ? 'default' : 'primary'}
          danger={move === 'terminated' || move === 'rejected'}
          onClick={() => setTo(move)}
          data-testid={`pilot-to-${move}`}
        >
          {t(pilot.status === 'proposed' && move === 'terminated' ? 'pilot.action.withdraw' : ACTION_LABEL[move])}
        </Button>
      ))}
      {to && <PilotTransitionModal pilot={pilot} to={to} onClose={() => setTo(null)} />}
    </Space>
  );
}
