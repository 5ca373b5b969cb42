import type { FormInstance, FormRule } from 'antd';
import { useI18n } from '@/lib/i18n';
import { creditCodeIssues, creditCodeMessage, isPlausiblePrefix } from '../credit-code';
import type { SocietyFormValues } from '../society-form-values';

/**
 * The credit code's checks as it is typed: a prefix that cannot become a code at once, the domain's
 * findings once it is whole (an overridable one passes once a reason is given, for whoever may override),
 * and a short code when the field is left.
 */
export function useCreditCodeRules(form: FormInstance<SocietyFormValues>, canOverride: boolean): FormRule[] {
  const { t } = useI18n();
  return [
    {
      validateTrigger: 'onChange',
      validator: async (_, raw: string | undefined) => {
        if (!raw) return;
        if (!isPlausiblePrefix(raw)) throw new Error(creditCodeMessage('credit_code_format', raw, t));
      },
    },
    {
      validateTrigger: ['onChange', 'onBlur'],
      validator: async (_, raw: string | undefined) => {
        if (!raw || (raw.trim().length < 18 && isPlausiblePrefix(raw))) return;
        const issues = creditCodeIssues(raw);
        const reason: unknown = form.getFieldValue('creditCodeOverrideReason');
        const overridden = canOverride && typeof reason === 'string' && reason.trim() !== '';
        const blocking = issues.find((issue) => !(issue.overridable && overridden));
        if (blocking) throw new Error(creditCodeMessage(blocking.code, raw, t));
      },
    },
    {
      validateTrigger: 'onBlur',
      validator: async (_, raw: string | undefined) => {
        if (raw && raw.trim().length < 18) throw new Error(creditCodeMessage('credit_code_format', raw, t));
      },
    },
  ];
}
