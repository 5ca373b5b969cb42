/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters from `0-9A-HJ-NPQRTUWXY` (31 symbols; I, O, Z, S, V are never used). The 18th is a
 * check character: with each character's value c_i and weight w_i = 3^(i-1) mod 31,
 * check = 31 - (Σ c_i·w_i mod 31), where 31 maps back to 0.
 *
 * Position 1 is the registering authority (5 = civil affairs) and position 2 the organisation kind
 * (1 = social organisation, 社会团体), so the societies this platform registers start with `51`.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export type CreditCodeProblem = 'credit_code_format' | 'credit_code_checksum' | 'credit_code_not_social_organisation';

export interface CreditCodeIssue {
  code: CreditCodeProblem;
  /** Whether an administrator may accept the code anyway by recording a reason. */
  overridable: boolean;
  message: string;
}

export function normaliseCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The check character for the first 17 characters, or undefined when they hold a foreign symbol. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Checks a (normalised) code. A wrong shape can never be accepted; a failing check character or a
 * non-`51` prefix can be, by an administrator with a reason, because some early codes are legal yet
 * fail the check.
 */
export function checkCreditCode(code: string): CreditCodeIssue[] {
  if (!SHAPE.test(code)) {
    return [
      {
        code: 'credit_code_format',
        overridable: false,
        message: 'A unified social credit code is 18 characters from 0-9 and A-Y without I, O, S, V and Z.',
      },
    ];
  }
  const issues: CreditCodeIssue[] = [];
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code.charAt(17)) {
    issues.push({
      code: 'credit_code_checksum',
      overridable: true,
      message: `The check character should be ${expected ?? '?'} but is ${code.charAt(17)}.`,
    });
  }
  if (!code.startsWith('51')) {
    issues.push({
      code: 'credit_code_not_social_organisation',
      overridable: true,
      message: 'A social organisation registered with civil affairs has a code starting with 51.',
    });
  }
  return issues;
}

/** Completes 17 characters with their check character (used by the demo data and by tests). */
export function withCreditCodeCheck(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === undefined) throw new RangeError(`not 17 credit-code characters: ${first17}`);
  return first17 + check;
}
