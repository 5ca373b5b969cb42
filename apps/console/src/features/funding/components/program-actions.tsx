import { localToday, programLifecycle } from '@society-hub/domain';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useI18n } from '@/lib/i18n';
import type { FundingProgram, ProgramStatus } from '../api/types';
import { ProgramMoveModal } from './on-demand';
import { BACKWARDS, moveOf } from './program-moves';

/** The lifecycle buttons of a program, for staff. */
export function ProgramActions({ program }: { program: FundingProgram }) {
  const { t } = useI18n();
  const [target, setTarget] = useState<ProgramStatus>();
  const today = localToday();
  const targets = programLifecycle.allowedFrom(program.status).filter((to) => moveOf(program.status, to));

  return (
    <>
      {targets.map((to) => {
        const move = moveOf(program.status, to);
        if (!move) return null;
        // Reopening needs a closing date still ahead: the call closed on its date otherwise.
        const blocked = to === 'open' && program.status === 'closed' && program.closesOn < today;
        const button = (
          <Button
            key={to}
            type={BACKWARDS.includes(`${program.status}>${to}`) ? 'default' : 'primary'}
            disabled={blocked}
            onClick={() => setTarget(to)}
            data-testid={`program-move-${to}`}
          >
            {t(move.action)}
          </Button>
        );
        return blocked ? (
          <Tooltip key={to} title={t('funding.move.reopen.blocked', { date: program.closesOn })}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
      {target && <ProgramMoveModal program={program} to={target} onClose={() => setTarget(undefined)} />}
    </>
  );
}
