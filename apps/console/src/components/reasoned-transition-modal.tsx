import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';
import { type I18n, useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';

export interface ReasonField {
  label: string;
  requiredMessage: string;
  placeholder?: string;
  /** What the field starts with (a suggested wording the user may keep). */
  initial?: string;
  rows?: number;
  testId: string;
}

export interface ReasonedTransitionModalProps {
  /** What is about to happen, e.g. 「注销」市测试学会 (shown after a warning icon). */
  title: ReactNode;
  /** The confirm button's text: the action itself, never a bare "OK". */
  action: string;
  confirmTestId: string;
  reason: ReasonField;
  /** Called with the trimmed reason once the form is valid. */
  onConfirm: (reason: string) => void;
  onClose: () => void;
  pending: boolean;
  /** Why the server refused, in words; shown above the reason so the user can act on it. */
  error?: string | null;
  /** A final move (no way back) gets a red button. */
  danger?: boolean;
  /** Something shown above stops the move for now (a blocker, or checks still loading). */
  blocked?: boolean;
  width?: number;
  testId?: string;
  /** What the move means and what stands in its way: summaries, explanations, blockers. */
  children?: ReactNode;
}

/**
 * The one confirmation every status change of the console goes through (societies, members, funding
 * programs and applications): what it does, what stops it, why the server refused, and the reason that
 * the audit log records. The caller owns the request — its mutation, idempotency key and success toast.
 */
export function ReasonedTransitionModal({
  title,
  action,
  confirmTestId,
  reason,
  onConfirm,
  onClose,
  pending,
  error,
  danger = false,
  blocked = false,
  width,
  testId,
  children,
}: ReasonedTransitionModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={
        <span>
          <ExclamationCircleOutlined style={{ color: '#faad14', marginInlineEnd: 8 }} />
          {title}
        </span>
      }
      okText={action}
      okButtonProps={{ danger, loading: pending, disabled: blocked, 'data-testid': confirmTestId }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      maskClosable={false}
      width={width}
      data-testid={testId}
    >
      {children}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={pending}
        initialValues={{ reason: reason.initial ?? '' }}
        onFinish={(values) => onConfirm(values.reason.trim())}
      >
        <Form.Item
          name="reason"
          label={reason.label}
          rules={[{ required: true, whitespace: true, message: reason.requiredMessage }]}
        >
          <Input.TextArea
            rows={reason.rows ?? 3}
            maxLength={500}
            showCount
            placeholder={reason.placeholder}
            data-testid={reason.testId}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What every transition mutation of the console takes (`POST …/transitions`). */
interface TransitionVariables {
  id: string;
  request: { to: string; reason: string };
  idempotencyKey?: string;
}

/**
 * The `onConfirm` of a ReasonedTransitionModal: sends the move with one Idempotency-Key per distinct
 * request (a retry after a lost answer reuses it, so it never applies twice), then says what happened
 * in `done`'s words and closes.
 */
export function useSendTransition<Saved>(
  transition: Pick<UseMutationResult<Saved, Error, TransitionVariables>, 'mutate'>,
  { id, to, done, onClose }: { id: string; to: string; done: (saved: Saved) => string; onClose: () => void },
): (reason: string) => void {
  const { message } = App.useApp();
  const idempotencyKeyFor = useIdempotencyKey();
  return (reason) => {
    const request = { to, reason };
    transition.mutate(
      { id, request, idempotencyKey: idempotencyKeyFor(request) },
      {
        onSuccess: (saved) => {
          message.success(done(saved));
          onClose();
        },
      },
    );
  };
}

/**
 * Why the server refused a move, in words: for `invalid_transition`, the moves it allows from the
 * current status, named by `statusLabel`; otherwise the problem's own message.
 */
export function transitionRefusal(
  error: unknown,
  i18n: Pick<I18n, 't' | 'language'>,
  statusLabel: (status: string) => string,
): string {
  if (isApiError(error) && error.problem.code === 'invalid_transition') {
    const allowed = (error.problem.allowed ?? []).map(statusLabel).join('、');
    return i18n.t('problem.invalidTransitionAllowed', { allowed: allowed || i18n.t('common.none') });
  }
  return problemMessage(error, i18n);
}
