import { App, type FormInstance } from 'antd';
import { useNavigate } from 'react-router';
import { useServerErrors } from '@/components/form-shell';
import { useI18n } from '@/lib/i18n';
import { useIdempotencyKey } from '@/lib/use-idempotency-key';
import { useCreateProgram, useUpdateProgram } from '../../api/programs';
import type { FundingProgram, ProgramPatch } from '../../api/types';
import { formPath, type ProgramFormValues, programBody } from './values';

/**
 * Sends the program form: a new call is created and opened, an existing one is saved. Settings of an
 * open call are locked, so only its wording and a later close are sent for it.
 */
export function useProgramSubmit(
  form: FormInstance<ProgramFormValues>,
  program: FundingProgram | undefined,
  onClose: () => void,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateProgram();
  const update = useUpdateProgram();
  const idempotencyKeyFor = useIdempotencyKey();
  const { formError, setFormError, onError } = useServerErrors(form, {
    fieldOf: (issue) => formPath(issue.pointer) ?? undefined,
    onConflict: (): void => setFormError(t('funding.program.conflict')),
  });
  const locked = program !== undefined && program.status !== 'draft';

  function submit(values: ProgramFormValues, problemCount: number) {
    setFormError(undefined);
    if (problemCount > 0) {
      setFormError(t('funding.program.fixProblems', { n: problemCount }));
      return;
    }
    const body = programBody(values);
    if (!program) {
      create.mutate(
        { body, idempotencyKey: idempotencyKeyFor(body) },
        {
          onSuccess: (created) => {
            message.success(t('funding.program.created', { name: created.name }));
            onClose();
            navigate(`/funding/${created.id}`);
          },
          onError,
        },
      );
      return;
    }
    const patch: ProgramPatch = locked
      ? { name: body.name, description: body.description, closesOn: body.closesOn }
      : body;
    update.mutate(
      { id: program.id, version: program.version, patch },
      {
        onSuccess: (saved) => {
          message.success(t('funding.program.saved', { name: saved.name }));
          onClose();
        },
        onError,
      },
    );
  }

  return { submit, submitting: create.isPending || update.isPending, formError };
}
