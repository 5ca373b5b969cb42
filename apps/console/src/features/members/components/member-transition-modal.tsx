import { type MemberStatus, membershipLifecycle } from '@society-hub/domain';
import { Alert, Button, Typography } from 'antd';
import { importWizardMessages } from '@/components/import-wizard/messages';
import { ReasonedTransitionModal, transitionRefusal, useSendTransition } from '@/components/reasoned-transition-modal';
import { registerMessages, useI18n } from '@/lib/i18n';
import { labelsMessages } from '@/lib/messages/labels';
import { currentYear } from '@/lib/today';
import { useTransitionMember } from '../api/transition-member';
import type { Member } from '../api/types';
import { membersMessages } from '../messages';
import { useMemberLabels } from './labels';
import { isDuesUnpaid, memberActionKey } from './member-actions';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(labelsMessages, membersMessages, importWizardMessages);

const FINAL: readonly MemberStatus[] = ['rejected', 'withdrawn'];

interface MemberTransitionModalProps {
  member: Member;
  to: MemberStatus;
  onClose: () => void;
  /** Offered when the server refuses a reactivation for unpaid dues. */
  onRecordDues?: () => void;
  defaultReason?: string;
}

export function MemberTransitionModal({
  member,
  to,
  onClose,
  onRecordDues,
  defaultReason,
}: MemberTransitionModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const labels = useMemberLabels();
  const transition = useTransitionMember();
  const send = useSendTransition(transition, {
    id: member.id,
    to,
    done: (saved) => t('member.transition.done', { to: labels.status(saved.status) }),
    onClose,
  });
  const action = t(memberActionKey(member.status, to));
  const duesUnpaid = transition.isError && isDuesUnpaid(transition.error);

  const errorText = (error: unknown) =>
    transitionRefusal(error, i18n, (status) => (membershipLifecycle.isState(status) ? labels.status(status) : status));

  return (
    <ReasonedTransitionModal
      title={t('member.transition.title', { action, name: member.name })}
      action={action}
      confirmTestId="member-transition-confirm"
      danger={FINAL.includes(to)}
      pending={transition.isPending}
      // Unpaid dues get their own alert below, with the way to record them.
      error={transition.isError && !duesUnpaid ? errorText(transition.error) : null}
      reason={{
        label: t('member.transition.reason'),
        requiredMessage: t('member.transition.reasonRequired'),
        placeholder: t('member.transition.reasonPlaceholder'),
        initial: defaultReason,
        testId: 'member-transition-reason',
      }}
      onClose={onClose}
      onConfirm={send}
    >
      <Typography.Paragraph>
        {t('member.transition.summary', { from: labels.status(member.status), to: labels.status(to) })}
      </Typography.Paragraph>
      {FINAL.includes(to) && (
        <Alert type="warning" showIcon title={t('member.transition.final')} style={{ marginBottom: 16 }} />
      )}
      {duesUnpaid && (
        <Alert
          type="error"
          showIcon
          title={t('member.transition.duesUnpaid', { year: currentYear() })}
          style={{ marginBottom: 16 }}
          data-testid="dues-unpaid"
          action={
            onRecordDues && (
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  onClose();
                  onRecordDues();
                }}
                data-testid="dues-unpaid-record"
              >
                {t('member.transition.recordDues')}
              </Button>
            )
          }
        />
      )}
    </ReasonedTransitionModal>
  );
}
