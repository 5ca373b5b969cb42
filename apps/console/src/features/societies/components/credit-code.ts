import {
  type CreditCodeIssue,
  checkCreditCode,
  creditCodeCheckCharacter,
  normaliseCreditCode,
} from '@society-hub/domain';
import type { Translate } from '@/lib/i18n';

const CREDIT_CODE_ERRORS = [
  'credit_code_format',
  'credit_code_checksum',
  'credit_code_not_social_organisation',
  'credit_code_taken',
] as const;
export type CreditCodeError = (typeof CREDIT_CODE_ERRORS)[number];

export const OVERRIDABLE_CREDIT_CODE_ERRORS: readonly string[] = [
  'credit_code_checksum',
  'credit_code_not_social_organisation',
];

export function isCreditCodeError(code: string): code is CreditCodeError {
  return CREDIT_CODE_ERRORS.some((known) => known === code);
}

/** The same check as the server, with the message in the reader's language. */
export function creditCodeMessage(code: CreditCodeError, value: string, t: Translate): string {
  if (code === 'credit_code_checksum') {
    const normalised = normaliseCreditCode(value);
    return t('credit.credit_code_checksum', {
      expected: creditCodeCheckCharacter(normalised.slice(0, 17)) ?? '?',
      actual: normalised.charAt(17),
    });
  }
  return t(`credit.${code}`);
}

export function creditCodeIssues(raw: string | undefined | null): CreditCodeIssue[] {
  const code = normaliseCreditCode(raw ?? '');
  return code ? checkCreditCode(code) : [];
}

/** While typing, only complain about what more typing cannot fix: a foreign symbol or too many characters. */
export function isPlausiblePrefix(raw: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{0,18}$/.test(normaliseCreditCode(raw));
}
