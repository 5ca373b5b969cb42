import { App, type FormInstance } from 'antd';
import { topLevelField, useServerErrors } from '@/components/form-shell';
import { useI18n } from '@/lib/i18n';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateMember } from '../../api/create-member';
import type { Member } from '../../api/types';
import { useUpdateMember } from '../../api/update-member';
import { CODE_MESSAGES, FIELDS, type MemberFormValues, memberBody, memberPatch } from './values';

/** Registers a new member of the society, or saves what changed on this one. */
export function useMemberSubmit(
  form: FormInstance<MemberFormValues>,
  societyId: string,
  member: Member | undefined,
  onClose: () => void,
  onConflict: () => void,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const create = useCreateMember();
  const update = useUpdateMember();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: CODE_MESSAGES,
    otherFields: 'above',
    onConflict,
  });

  function submit(values: MemberFormValues) {
    setFormError(undefined);
    const name = values.name?.trim();
    if (!name) return;
    if (!member) {
      const body = memberBody(values, name);
      create.mutate(
        { societyId, body, idempotencyKey: idempotencyKeyFor(body) },
        {
          onSuccess: (created) => {
            message.success(t('member.form.created', { name: created.name }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const patch = memberPatch(member, values, name);
    if (Object.keys(patch).length === 0) {
      message.info(t('society.form.noChanges'));
      onClose();
      return;
    }
    update.mutate(
      { id: member.id, version: member.version, patch },
      {
        onSuccess: (saved) => {
          message.success(t('member.form.saved', { name: saved.name }));
          onClose();
        },
        onError,
      },
    );
  }

  return { submit, submitting: create.isPending || update.isPending, formError };
}
