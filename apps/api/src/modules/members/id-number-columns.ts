import { checkIdNumber, idNumberBirthDate, maskIdNumber, normaliseIdNumber } from '@society-hub/domain';
import type { FieldError } from '../../lib/errors';
import type { PersonalDataVault } from '../../lib/personal-data';

export interface IdNumberColumns {
  id_number_sealed: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
}

/**
 * What a given ID number becomes in a row: sealed, match-hashed and masked, never stored in clear.
 * `undefined` (not given) changes nothing and `null` clears it. The birth date inside the number must
 * agree with `birthDate`; when no birth date is given it is taken from the number.
 */
export function idNumberColumns(
  vault: PersonalDataVault,
  idNumber: string | null | undefined,
  birthDate: string | null,
  today: string,
): { columns: IdNumberColumns | undefined; birthDate: string | null; errors: FieldError[] } {
  if (idNumber === undefined) return { columns: undefined, birthDate, errors: [] };
  if (idNumber === null) {
    return { columns: { id_number_sealed: null, id_number_hash: null, id_number_masked: null }, birthDate, errors: [] };
  }
  const id = normaliseIdNumber(idNumber);
  const errors = checkIdNumber(id, { birthDate, today }).map((p) => ({
    path: '/body/idNumber',
    code: p.code,
    message: p.message,
  }));
  return {
    columns: {
      id_number_sealed: vault.encrypt(id),
      id_number_hash: vault.matchHash(id),
      id_number_masked: maskIdNumber(id),
    },
    birthDate: birthDate ?? idNumberBirthDate(id) ?? null,
    errors,
  };
}
