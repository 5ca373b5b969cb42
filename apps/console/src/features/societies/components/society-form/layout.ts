import { useI18n } from '@/lib/i18n';

/** Two fields a row on a wide screen, one on a narrow one; or three. */
export const half = { xs: 24, md: 12 };
export const third = { xs: 24, md: 8 };

/** A required text field's rule, its message naming the field. */
export function useRequired() {
  const { t } = useI18n();
  return (field: string) => ({ required: true, whitespace: true, message: t('society.form.required', { field }) });
}
