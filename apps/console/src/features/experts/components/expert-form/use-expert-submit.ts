import { App, type FormInstance } from 'antd';
import { topLevelField, useServerErrors } from '@/components/form-shell';
import { useI18n } from '@/lib/i18n';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateExpert } from '../../api/create-expert';
import type { Expert } from '../../api/types';
import { useUpdateExpert } from '../../api/update-expert';
import { CODE_MESSAGES, type ExpertFormValues, expertBody, expertPatch, FIELDS } from './values';

/** Adds the expert, or saves only what changed on this one (PATCH with If-Match). */
export function useExpertSubmit(
  form: FormInstance<ExpertFormValues>,
  expert: Expert | undefined,
  onClose: () => void,
  onConflict: (() => void) | undefined,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => topLevelField(FIELDS, issue),
    codeMessages: CODE_MESSAGES,
    otherFields: 'above',
    onConflict,
  });

  function submit(values: ExpertFormValues) {
    setFormError(undefined);
    const name = values.name?.trim();
    if (!name || !values.titleLevel) return;
    if (!expert) {
      const body = expertBody(values, name, values.titleLevel);
      create.mutate(
        { body, idempotencyKey: idempotencyKeyFor(body) },
        {
          onSuccess: (created) => {
            message.success(t('expert.created', { name: created.name }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    const patch = expertPatch(expert, values, name, values.titleLevel);
    if (Object.keys(patch).length === 0) {
      message.info(t('society.form.noChanges'));
      onClose();
      return;
    }
    update.mutate(
      { id: expert.id, version: expert.version, patch },
      {
        onSuccess: (saved) => {
          message.success(t('expert.saved', { name: saved.name }));
          onClose();
        },
        onError,
      },
    );
  }

  return { submit, submitting: create.isPending || update.isPending, formError };
}
