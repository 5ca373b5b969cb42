/**
 * Resident identity card numbers (居民身份证号码), GB 11643-1999: six digits of region, eight of birth
 * date (YYYYMMDD), three of sequence (odd for men, even for women) and a check character over ISO
 * 7064 MOD 11-2: Σ a_i·W_i with W_i = 2^(17-i) mod 11, check = (12 - Σ mod 11) mod 11, 10 written X.
 *
 * These numbers are sensitive personal information under PIPL: the platform stores them encrypted,
 * matches on a keyed hash, and only ever shows the masked form.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

export type IdNumberProblem = 'id_number_format' | 'id_number_checksum' | 'id_number_birth_date';

export function normaliseIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function idNumberCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

/** The birth date the number encodes, if it is a real calendar date. */
export function idNumberBirthDate(idNumber: string): string | undefined {
  const digits = idNumber.slice(6, 14);
  if (!/^\d{8}$/.test(digits)) return undefined;
  const date = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : undefined;
}

/**
 * Problems with a (normalised) number: its shape, its check character, and its birth date, which
 * must be a real date, not in the future, and agree with the birth date given separately.
 */
export function checkIdNumber(
  idNumber: string,
  options: { birthDate?: string | null; today: string },
): { code: IdNumberProblem; message: string }[] {
  if (!SHAPE.test(idNumber)) {
    return [{ code: 'id_number_format', message: 'An ID number is 17 digits followed by a digit or X.' }];
  }
  const problems: { code: IdNumberProblem; message: string }[] = [];
  const expected = idNumberCheckCharacter(idNumber.slice(0, 17));
  if (expected !== idNumber.charAt(17)) {
    problems.push({ code: 'id_number_checksum', message: `The check character should be ${expected ?? '?'}.` });
  }
  const born = idNumberBirthDate(idNumber);
  if (!born || born > options.today || born < '1900-01-01') {
    problems.push({ code: 'id_number_birth_date', message: 'The birth date inside the ID number is not a real date.' });
  } else if (options.birthDate && options.birthDate !== born) {
    problems.push({
      code: 'id_number_birth_date',
      message: `The ID number says born ${born}, the birth date says ${options.birthDate}.`,
    });
  }
  return problems;
}

/** `110105********002X`-style: region prefix and the last four characters only. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** `138****5678` for mobile numbers; other numbers keep their first three and last two characters. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 5) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
}

/** Completes 17 digits with the check character (test data and demo data). */
export function withIdNumberCheck(first17: string): string {
  const check = idNumberCheckCharacter(first17);
  if (check === undefined) throw new RangeError(`not 17 digits: ${first17}`);
  return first17 + check;
}
