import {
  checkIdNumber,
  idNumberBirthDate,
  idNumberCheckCharacter,
  localToday,
  normaliseIdNumber,
} from '@society-hub/domain';
import type { Translate } from '@/lib/i18n';

/**
 * The ID number as the server will judge it (GB 11643 check character, a real birth date that agrees with
 * 出生日期): the messages a form shows while the user types.
 */
export function idNumberProblems(raw: string, birthDate: string | null, t: Translate): string[] {
  const idNumber = normaliseIdNumber(raw);
  if (!idNumber) return [];
  return checkIdNumber(idNumber, { birthDate, today: localToday() }).map((problem) => {
    switch (problem.code) {
      case 'id_number_format':
        return t('member.error.id_number_format');
      case 'id_number_checksum': {
        const expected = idNumberCheckCharacter(idNumber.slice(0, 17));
        return expected
          ? t('member.error.id_number_checksum', { expected })
          : t('member.error.id_number_checksum_plain');
      }
      default:
        return idNumberBirthDate(idNumber) && birthDate
          ? t('member.error.id_number_birth_date')
          : t('member.error.id_number_birth_date_invalid');
    }
  });
}

/** The birth date a well-formed number encodes, to fill in 出生日期. */
export function birthDateFromIdNumber(raw: string): string | undefined {
  const idNumber = normaliseIdNumber(raw);
  return /^\d{17}[\dX]$/.test(idNumber) ? idNumberBirthDate(idNumber) : undefined;
}
