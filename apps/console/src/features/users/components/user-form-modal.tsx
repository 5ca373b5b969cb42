import { ROLES, type Role } from '@society-hub/domain';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { FormError, topLevelField, useServerErrors } from '@/components/form-shell';
import { SocietySelect } from '@/features/societies';
import { isConflict } from '@/lib/conflict';
import { type MessageKey, registerMessages, useI18n } from '@/lib/i18n';
import { adminMessages } from '@/lib/messages/admin';
import { passwordMessages } from '@/lib/messages/password';
import { confirmPasswordRules, newPasswordRules } from '@/lib/password-rules';
import { useCurrentUser } from '@/lib/session';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateUser } from '../api/create-user';
import type { User, UserCreate, UserPatch } from '../api/types';
import { useUpdateUser } from '../api/update-user';
import { useUserRuleMessage } from './labels';

// The words this part shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(adminMessages, passwordMessages);
// The words of choosing a password (the field errors the API gives for one).

interface UserFormValues {
  username?: string;
  displayName?: string;
  role?: Role;
  password?: string;
  confirm?: string;
  societyIds?: string[];
}

const FIELDS = ['username', 'displayName', 'role', 'password', 'societyIds'] as const;
const USERNAME = /^[A-Za-z0-9._-]{3,50}$/;

/** The account form's own words for the codes the API sends on its fields. */
const CODE_MESSAGES: Partial<Record<string, MessageKey>> = {
  contains_username: 'user.error.contains_username',
  username_taken: 'user.error.username_taken',
  not_allowed: 'user.error.not_allowed',
  unknown_society: 'user.error.unknown_society',
};

interface UserFormModalProps {
  /** Absent: create a new account. */
  user?: User;
  onClose: () => void;
  /** 412: the account changed on the server since the list was loaded. */
  onConflict: () => void;
}

export function UserFormModal({ user, onClose, onConflict }: UserFormModalProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const self = useCurrentUser();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const idempotencyKeyFor = useIdempotencyKey();
  const ruleMessage = useUserRuleMessage();
  const {
    formError,
    setFormError,
    onError: onServerError,
  } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: CODE_MESSAGES,
    messageOf: (issue) =>
      issue.pointer === '/societyIds' && issue.code === 'required' ? t('user.error.societies_required') : undefined,
    onConflict,
  });
  const role = Form.useWatch('role', form) ?? user?.role;
  const submitting = create.isPending || update.isPending;

  function onError(error: unknown) {
    // A rule the server refused (the last administrator, one's own role) is said above the form.
    const rule = isConflict(error) ? undefined : ruleMessage(error, user?.id ?? '', self.id);
    if (rule) setFormError(rule);
    else onServerError(error);
  }

  function onFinish(values: UserFormValues) {
    setFormError(undefined);
    const chosenRole = values.role;
    if (!chosenRole) return;
    const societyIds = chosenRole === 'society_officer' ? (values.societyIds ?? []) : [];
    const displayName = values.displayName?.trim() || null;
    if (!user) {
      const body: UserCreate = {
        username: values.username?.trim() ?? '',
        password: values.password ?? '',
        role: chosenRole,
        displayName,
        societyIds,
      };
      create.mutate(
        { body, idempotencyKey: idempotencyKeyFor(body) },
        {
          onSuccess: (created) => {
            message.success(t('user.created', { name: created.username }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const patch: UserPatch = {};
    if (displayName !== user.displayName) patch.displayName = displayName;
    if (chosenRole !== user.role) patch.role = chosenRole;
    if ([...societyIds].sort().join() !== [...user.societyIds].sort().join()) patch.societyIds = societyIds;
    if (Object.keys(patch).length === 0) {
      message.info(t('society.form.noChanges'));
      onClose();
      return;
    }
    update.mutate(
      { id: user.id, version: user.version, patch },
      {
        onSuccess: () => {
          message.success(t('society.form.saved'));
          onClose();
        },
        onError,
      },
    );
  }

  const roleChangeEndsSessions = user && role && role !== user.role;

  return (
    <Modal
      open
      title={user ? t('user.editTitle', { name: user.username }) : t('user.createTitle')}
      okText={user ? t('society.form.submitSave') : t('society.form.submitCreate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: submitting, 'data-testid': 'user-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={560}
    >
      <FormError error={formError} testId="user-form-error" />
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        disabled={submitting}
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName ?? '',
                role: user.role,
                societyIds: user.societyIds,
              }
            : { role: 'society_officer', societyIds: [] }
        }
        onFinish={onFinish}
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('user.field.username')}
          extra={user ? t('user.usernameFixed') : t('user.usernameHelp')}
          rules={
            user
              ? []
              : [
                  { required: true, whitespace: true, message: t('user.error.username_required') },
                  { pattern: USERNAME, message: t('user.usernameHelp') },
                ]
          }
        >
          <Input disabled={Boolean(user)} autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.field.displayName')}>
          <Input maxLength={50} placeholder={t('user.displayNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('user.field.role')}
          rules={[{ required: true, message: t('user.error.role_required') }]}
        >
          <Radio.Group optionType="button" options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
        </Form.Item>
        {roleChangeEndsSessions && (
          <Alert type="warning" showIcon title={t('user.roleChangeHint')} style={{ marginBottom: 16 }} />
        )}
        {role === 'society_officer' && (
          <Form.Item
            name="societyIds"
            label={t('user.field.societies')}
            extra={t('user.societiesHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('user.error.societies_required') }]}
          >
            <SocietySelect data-testid="user-societies" />
          </Form.Item>
        )}
        {!user && (
          <>
            <Form.Item
              name="password"
              label={t('user.field.password')}
              extra={t('user.passwordHelp')}
              rules={newPasswordRules((getFieldValue) => getFieldValue('username'), {
                required: t('user.error.password_required'),
                tooShort: t('user.passwordHelp'),
                containsUsername: t('user.error.contains_username'),
              })}
            >
              <Input.Password autoComplete="new-password" maxLength={200} />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('user.field.confirm')}
              dependencies={['password']}
              rules={confirmPasswordRules('password', {
                required: t('user.error.confirm_required'),
                mismatch: t('user.error.confirm_mismatch'),
              })}
            >
              <Input.Password autoComplete="new-password" maxLength={200} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
