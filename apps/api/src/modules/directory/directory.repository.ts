import type { Discipline, SocietyType } from '@society-hub/domain';
import type { DB } from '../../db/connect';
import { afterCursor, type Keyset, type SortSpec } from '../../lib/pagination';
import { containsPattern } from '../../lib/sql';

export const PUBLIC_SOCIETY_SORTS: readonly SortSpec[] = [{ name: 'name', column: 'name', direction: 'asc' }];
export const PUBLIC_PROGRAM_SORTS: readonly SortSpec[] = [{ name: 'closesOn', column: 'closes_on', direction: 'asc' }];

/** Only the published columns are read, so nothing else can slip into the public answer. */
export async function listActiveSocieties(
  db: DB,
  filters: { q?: string | undefined; type?: SocietyType | undefined; discipline?: Discipline | undefined },
  keyset: Keyset,
) {
  let query = db
    .selectFrom('societies')
    .select([
      'id',
      'name',
      'name_en',
      'type',
      'discipline',
      'supporting_unit',
      'founded_on',
      'evaluation_grade',
      'website',
      'office_address',
      'contact_person',
      'contact_phone',
      'contact_email',
    ])
    .where('status', '=', 'active');
  if (filters.type) query = query.where('type', '=', filters.type);
  if (filters.discipline) query = query.where('discipline', '=', filters.discipline);
  if (filters.q) {
    const pattern = containsPattern(filters.q.trim());
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('name_en', 'ilike', pattern)]));
  }
  const after = afterCursor(keyset, 'id');
  if (after) query = query.where(after);
  return query
    .orderBy('name')
    .orderBy('id')
    .limit(keyset.limit + 1)
    .execute();
}

export async function listOpenPrograms(db: DB, keyset: Keyset) {
  let query = db.selectFrom('funding_programs').selectAll().where('status', '=', 'open');
  const after = afterCursor(keyset, 'id');
  if (after) query = query.where(after);
  return query
    .orderBy('closes_on')
    .orderBy('id')
    .limit(keyset.limit + 1)
    .execute();
}
