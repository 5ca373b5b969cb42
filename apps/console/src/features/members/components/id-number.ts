import {
  checkIdNumber,
  idNumberBirthDate,
  idNumberCheckCharacter,
  localToday,
  normaliseIdNumber,
} from '@society-hub/domain';
import dayjs, { type Dayjs } from 'dayjs';
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

/** The part of a form that holds a person's ID number and birth date (the member and the expert forms). */
interface PersonFields {
  getFieldValue: (name: 'idNumber') => unknown;
  setFieldValue: (name: 'birthDate', value: Dayjs) => void;
  validateFields: (names: ('birthDate' | 'idNumber')[]) => Promise<unknown>;
}

/**
 * The ID number carries the birth date: fill 出生日期 from it as soon as it is complete, and check the
 * two agree whenever either changes. For a form's `onValuesChange`.
 */
export function syncBirthDate(form: PersonFields, changed: { idNumber?: string; birthDate?: Dayjs | null }): void {
  if (changed.idNumber !== undefined) {
    const born = birthDateFromIdNumber(changed.idNumber);
    if (born) {
      form.setFieldValue('birthDate', dayjs(born));
      void form.validateFields(['birthDate']).catch(() => undefined);
    }
  }
  if (changed.birthDate !== undefined && form.getFieldValue('idNumber')) {
    void form.validateFields(['idNumber']).catch(() => undefined);
  }
}
