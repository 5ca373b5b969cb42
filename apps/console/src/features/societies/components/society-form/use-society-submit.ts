import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type ApiError, isApiError } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateSociety } from '../../api/create-society';
import { societyKeys } from '../../api/keys';
import type { Society } from '../../api/types';
import { useUpdateSociety } from '../../api/update-society';
import { creditCodeMessage, isCreditCodeError, OVERRIDABLE_CREDIT_CODE_ERRORS } from '../credit-code';
import { diffProfile, FORM_FIELDS, profileOf, type SocietyFormValues, toProfile } from '../society-form-values';

/**
 * Creates the society or saves what changed. Its server errors are its own: a credit code finding is
 * worded with the code typed, an overridable one lets the override reason show, and the form scrolls to
 * the first marked field.
 */
export function useSocietySubmit(
  form: FormInstance<SocietyFormValues>,
  society: Society | undefined,
  { canEditCreditCode, canEditGrade }: { canEditCreditCode: boolean; canEditGrade: boolean },
) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const create = useCreateSociety();
  const update = useUpdateSociety();
  const idempotencyKeyFor = useIdempotencyKey();
  const [formError, setFormError] = useState<string>();
  const [serverOverridable, setServerOverridable] = useState(false);

  function showServerErrors(error: ApiError): boolean {
    const fields: { name: keyof SocietyFormValues; errors: string[] }[] = [];
    let overridable = false;
    for (const issue of error.problem.errors ?? []) {
      const field = issue.path.replace(/^\/body\/?/, '');
      const name = FORM_FIELDS.find((known) => known === field);
      if (!name) continue;
      if (OVERRIDABLE_CREDIT_CODE_ERRORS.includes(issue.code)) overridable = true;
      const text =
        name === 'creditCode' && isCreditCodeError(issue.code)
          ? creditCodeMessage(issue.code, form.getFieldValue('creditCode') ?? '', t)
          : fieldMessage(issue, i18n);
      const existing = fields.find((entry) => entry.name === name);
      if (existing) existing.errors.push(text);
      else fields.push({ name, errors: [text] });
    }
    if (overridable) setServerOverridable(true);
    form.setFields(fields);
    if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
    return fields.length > 0;
  }

  function onConflict(current: Society) {
    modal.confirm({
      title: t('society.form.conflictTitle'),
      content: t('society.form.conflictBody'),
      okText: t('common.reload'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        await queryClient.refetchQueries({ queryKey: societyKeys.detail(current.id), exact: true });
      },
    });
  }

  function onError(error: unknown) {
    if (isApiError(error) && error.status === 412 && society) {
      onConflict(society);
      return;
    }
    if (isApiError(error) && showServerErrors(error)) {
      setFormError(t('society.form.fixErrors'));
      return;
    }
    setFormError(problemMessage(error, i18n));
  }

  async function submit(values: SocietyFormValues, showOverride: boolean) {
    setFormError(undefined);
    const profile = toProfile(values, showOverride);
    if (!profile) return;
    if (!society) {
      create.mutate(
        { body: profile, idempotencyKey: idempotencyKeyFor(profile) },
        {
          onSuccess: (created) => {
            message.success(t('society.form.created', { name: created.name }));
            navigate(`/societies/${created.id}`, { replace: true });
          },
          onError,
        },
      );
      return;
    }
    const patch = diffProfile(profileOf(society), profile);
    if (!canEditCreditCode) {
      delete patch.creditCode;
      delete patch.creditCodeOverrideReason;
    }
    if (!canEditGrade) {
      delete patch.evaluationGrade;
      delete patch.evaluationGradeOn;
    }
    if (Object.keys(patch).length === 0) {
      message.info(t('society.form.noChanges'));
      navigate(`/societies/${society.id}`);
      return;
    }
    update.mutate(
      { id: society.id, version: society.version, patch },
      {
        onSuccess: () => {
          message.success(t('society.form.saved'));
          navigate(`/societies/${society.id}`);
        },
        onError,
      },
    );
  }
  return {
    submit,
    submitting: create.isPending || update.isPending,
    formError,
    setFormError,
    serverOverridable,
    setServerOverridable,
  };
}
