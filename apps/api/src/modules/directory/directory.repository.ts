import type { Discipline, SocietyType } from '@society-hub/domain';
import { sql } from 'kysely';
import type { DB } from '../../db/connect';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import { containsPattern } from '../../lib/sql';

export const PUBLIC_SOCIETY_SORTS: readonly SortSpec[] = [{ name: 'name', column: 'name', direction: 'asc' }];
export const PUBLIC_PROGRAM_SORTS: readonly SortSpec[] = [{ name: 'closesOn', column: 'closes_on', direction: 'asc' }];

/** The published columns: only these are read, so nothing else can slip into a public answer. */
const PUBLISHED_COLUMNS = [
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
] as const;

export async function listActiveSocieties(
  db: DB,
  filters: { q?: string | undefined; type?: SocietyType | undefined; discipline?: Discipline | undefined },
  keyset: Keyset,
) {
  let query = db.selectFrom('societies').select(PUBLISHED_COLUMNS).where('status', '=', 'active');
  if (filters.type) query = query.where('type', '=', filters.type);
  if (filters.discipline) query = query.where('discipline', '=', filters.discipline);
  if (filters.q) {
    const pattern = containsPattern(filters.q.trim());
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('name_en', 'ilike', pattern)]));
  }
  return paginate(query, keyset, 'id');
}

export async function listOpenPrograms(db: DB, keyset: Keyset) {
  return paginate(db.selectFrom('funding_programs').selectAll().where('status', '=', 'open'), keyset, 'id');
}

/** One active society's published columns and the public facts of its page; undefined when not active. */
export async function findActiveSociety(db: DB, id: string) {
  return db
    .selectFrom('societies')
    .select([...PUBLISHED_COLUMNS, 'party_organisation', 'evaluation_grade_on'])
    .select((eb) =>
      eb
        .selectFrom('members')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('members.society_id', '=', 'societies.id')
        .where('members.status', '=', 'active')
        .as('active_members'),
    )
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Statuses of an application once its funding is decided and public (after the notice). */
const FUNDED = ['funded', 'reported', 'closed'] as const;

/** The society's funded projects, newest call first: what the notice (公示) already made public. */
export async function fundedProjects(db: DB, societyId: string, limit: number) {
  return db
    .selectFrom('funding_applications as a')
    .innerJoin('funding_programs as p', 'p.id', 'a.program_id')
    .select([
      'a.title',
      'a.status',
      'a.allocated_fen',
      'a.category_code',
      'p.name as program_name',
      'p.year',
      sql<
        string | null
      >`(SELECT c->>'name' FROM jsonb_array_elements(p.categories) c WHERE c->>'code' = a.category_code LIMIT 1)`.as(
        'category_name',
      ),
    ])
    .where('a.society_id', '=', societyId)
    .where('a.status', 'in', [...FUNDED])
    .orderBy('p.year', 'desc')
    .orderBy('a.title')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** Calls open now, closing soonest first: any active society may apply to them. */
export async function openProgramHeads(db: DB) {
  return db
    .selectFrom('funding_programs')
    .select(['id', 'name', 'closes_on'])
    .where('status', '=', 'open')
    .orderBy('closes_on')
    .orderBy('id')
    .execute();
}
