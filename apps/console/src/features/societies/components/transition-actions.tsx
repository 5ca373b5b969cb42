import { type SocietyStatus, societyLifecycle, societyTransitionBlockers } from '@society-hub/domain';
import { Alert, Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ReasonedTransitionModal, transitionRefusal, useSendTransition } from '@/components/reasoned-transition-modal';
import { type MessageKey, useI18n } from '@/lib/i18n';
import { useTransitionSociety } from '../api/transition-society';
import type { Society } from '../api/types';
import { useSocietyLabels } from './labels';

const FINAL: readonly SocietyStatus[] = ['disqualified', 'deregistered'];

function actionKey(from: SocietyStatus, to: SocietyStatus): MessageKey {
  if (to === 'active') return from === 'dormant' ? 'society.action.reactivate' : 'society.action.active';
  return `society.action.${to}`;
}

export function TransitionActions({ society }: { society: Society }) {
  const { t } = useI18n();
  const [target, setTarget] = useState<SocietyStatus>();
  const targets = societyLifecycle.allowedFrom(society.status);

  return (
    <>
      {targets.map((to) => {
        const blockers = societyTransitionBlockers(to, { creditCode: society.creditCode });
        const button = (
          <Button
            key={to}
            danger={FINAL.includes(to)}
            type={to === 'active' ? 'primary' : 'default'}
            disabled={blockers.length > 0}
            onClick={() => setTarget(to)}
            data-testid={`transition-${to}`}
          >
            {t(actionKey(society.status, to))}
          </Button>
        );
        return blockers.length > 0 ? (
          <Tooltip key={to} title={t('society.transition.needsCreditCode')}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
      {target && <TransitionModal society={society} to={target} onClose={() => setTarget(undefined)} />}
    </>
  );
}

function TransitionModal({ society, to, onClose }: { society: Society; to: SocietyStatus; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useSocietyLabels();
  const transition = useTransitionSociety();
  const send = useSendTransition(transition, {
    id: society.id,
    to,
    done: (saved) => t('society.transition.done', { to: labels.status(saved.status) }),
    onClose,
  });
  const action = t(actionKey(society.status, to));

  const errorText = (error: unknown) =>
    transitionRefusal(error, i18n, (status) => (societyLifecycle.isState(status) ? labels.status(status) : status));

  return (
    <ReasonedTransitionModal
      title={t('society.transition.title', { action, name: society.name })}
      action={action}
      confirmTestId="transition-confirm"
      danger={FINAL.includes(to)}
      pending={transition.isPending}
      error={transition.isError ? errorText(transition.error) : null}
      reason={{
        label: t('society.transition.reason'),
        requiredMessage: t('society.transition.reasonRequired'),
        placeholder: t('society.transition.reasonPlaceholder'),
        testId: 'transition-reason',
      }}
      onClose={onClose}
      onConfirm={send}
    >
      <Typography.Paragraph>
        {t('society.transition.summary', { from: labels.status(society.status), to: labels.status(to) })}
      </Typography.Paragraph>
      {FINAL.includes(to) && (
        <Alert type="warning" showIcon title={t('society.transition.final')} style={{ marginBottom: 16 }} />
      )}
    </ReasonedTransitionModal>
  );
}
