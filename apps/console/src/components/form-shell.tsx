import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { isConflict } from '@/lib/conflict';
import { type MessageKey, useI18n } from '@/lib/i18n';
import { fieldMessage, problemMessage } from '@/lib/problem-message';

/** A name antd's `setFields` accepts for the form's values: a field, or a path to a nested one. */
export type FieldName<Values> = Parameters<FormInstance<Values>['setFields']>[0][number]['name'];

/** One entry of a problem's `errors[]` that names a body field. */
export interface BodyIssue {
  /** The JSON pointer inside the body: `/name`, `/budgetLines/0/amountFen`. */
  pointer: string;
  code: string;
  message: string;
}

export interface ServerErrorsOptions<Values> {
  /** The form field an issue belongs on; nothing when the form does not show that field. */
  fieldOf: (issue: BodyIssue) => FieldName<Values> | undefined;
  /** The form's own words for a field error code (otherwise the code's general words, `field.<code>`). */
  codeMessages?: Partial<Record<string, MessageKey>>;
  /** Words that depend on more than the code (a field, a limit); `undefined` falls back to `codeMessages`. */
  messageOf?: (issue: BodyIssue) => string | undefined;
  /** 412/428: someone saved a newer version first. Without it the problem is shown above the form. */
  onConflict?: () => void;
  /** An error on a field the form does not show: dropped (the default), or shown above the form instead. */
  otherFields?: 'drop' | 'above';
  /** Whether marked fields also put "fix the marked fields" above the form (the default). */
  summary?: boolean;
}

export interface ServerErrors {
  /** What to show above the form: a problem without fields, or the summary of marked ones. */
  formError: string | undefined;
  setFormError: (error: string | undefined) => void;
  /** The mutation's `onError`: conflict, then field errors onto their fields, then the problem's words. */
  onError: (error: unknown) => void;
}

/** The body field errors of a failed write, with their pointers (`/body/x/0` → `/x/0`). */
function bodyIssues(error: unknown): BodyIssue[] {
  if (!isApiError(error)) return [];
  return (error.problem.errors ?? [])
    .filter((issue) => issue.path.startsWith('/body/'))
    .map(({ path, code, message }) => ({ pointer: path.slice('/body'.length), code, message }));
}

/** The top-level field an issue names, when it is one of `fields` (`/name/0` → `name`). */
export function topLevelField<Name extends string>(fields: readonly Name[], issue: BodyIssue): Name | undefined {
  const first = issue.pointer.split('/')[1];
  return fields.find((field) => field === first);
}

/**
 * What every form does with a failed write, in one place: a conflict goes to the form's handler, the
 * server's field errors go onto the fields they name (all of a field's errors, in the reader's language),
 * anything else is said above the form.
 */
export function useServerErrors<Values>(
  form: FormInstance<Values>,
  options: ServerErrorsOptions<Values>,
): ServerErrors {
  const i18n = useI18n();
  const { t } = i18n;
  const [formError, setFormError] = useState<string>();

  function onError(error: unknown) {
    if (options.onConflict && isConflict(error)) {
      options.onConflict();
      return;
    }
    const fields = new Map<string, { name: FieldName<Values>; errors: string[] }>();
    let above: string | undefined;
    for (const issue of bodyIssues(error)) {
      const own = options.codeMessages?.[issue.code];
      const text = options.messageOf?.(issue) ?? (own ? t(own) : fieldMessage(issue, i18n));
      const name = options.fieldOf(issue);
      if (name === undefined) {
        if (options.otherFields === 'above') above = text;
        continue;
      }
      const key = JSON.stringify(name);
      const entry = fields.get(key);
      if (entry) entry.errors.push(text);
      else fields.set(key, { name, errors: [text] });
    }
    if (fields.size > 0 || above) {
      form.setFields([...fields.values()]);
      setFormError(above ?? (options.summary === false ? undefined : t('society.form.fixErrors')));
      return;
    }
    setFormError(problemMessage(error, i18n));
  }

  return { formError, setFormError, onError };
}

/** The problem above a form (see `useServerErrors`), nothing when there is none. */
export function FormError({ error, testId, gap = 16 }: { error: string | undefined; testId?: string; gap?: number }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={error} style={{ marginBottom: gap }} data-testid={testId} />;
}
