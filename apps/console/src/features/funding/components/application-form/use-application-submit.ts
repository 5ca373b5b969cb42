import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useServerErrors } from '@/components/form-shell';
import { useI18n } from '@/lib/i18n';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateApplication, useUpdateApplication } from '../../api/applications';
import type { ApplicationCreate, FundingApplication, FundingProgram } from '../../api/types';
import { type ApplicationFormValues, applicationContent, fieldOf } from './values';

/**
 * Saves the draft: a new one for the chosen society (opened on its screening tab), or the changes to
 * this one. A 412 means someone saved it meanwhile: the form then says it is stale and stops saving.
 */
export function useApplicationSubmit(
  form: FormInstance<ApplicationFormValues>,
  program: FundingProgram,
  societies: { id: string }[],
  application: FundingApplication | undefined,
  onClose: () => void,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateApplication();
  const update = useUpdateApplication();
  const idempotencyKeyFor = useIdempotencyKey();
  const [stale, setStale] = useState(false);
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => fieldOf(issue.pointer) ?? undefined,
    onConflict: () => setStale(true),
  });

  function submit(values: ApplicationFormValues) {
    setFormError(undefined);
    const content = applicationContent(values);
    if (!content) {
      setFormError(t('funding.application.amountsNeeded'));
      return;
    }
    if (application) {
      update.mutate(
        { id: application.id, version: application.version, patch: content },
        {
          onSuccess: (saved) => {
            message.success(t('funding.application.saved', { title: saved.title }));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    // With one society the field is not shown (so not in `values`): it is that society.
    const societyId = values.societyId ?? (societies.length === 1 ? societies[0]?.id : undefined);
    if (!societyId) {
      setFormError(t('funding.application.societyRequired'));
      return;
    }
    const body: ApplicationCreate = { societyId, ...content };
    create.mutate(
      { programId: program.id, body, idempotencyKey: idempotencyKeyFor(body) },
      {
        onSuccess: (created) => {
          message.success(t('funding.application.created', { title: created.title }));
          onClose();
          navigate(`/funding/${program.id}/applications/${created.id}?tab=screening`);
        },
        onError,
      },
    );
  }

  return { submit, submitting: create.isPending || update.isPending, stale, formError };
}
