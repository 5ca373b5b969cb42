import { type Insertable, type Selectable, type SqlBool, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/connect';
import type { MemberDuesTable, MembersTable } from '../../db/database';
import { type ColumnTypes, insertMany } from '../../lib/insert-many';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { containsPattern, prefixPattern } from '../../lib/sql';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;
export type MemberRow = Selectable<MembersTable>;
export type NewMemberRow = Insertable<MembersTable>;
export type MemberRowUpdate = Updateable<MembersTable>;
export type DuesRow = Selectable<MemberDuesTable>;

export const MEMBER_SORTS: readonly SortSpec[] = [
  { name: '-createdAt', column: 'created_at', direction: 'desc' },
  { name: 'name', column: 'name', direction: 'asc' },
];

export interface MemberFilters {
  status?: MembersTable['status'] | undefined;
  category?: MemberRow['category'] | undefined;
  titleLevel?: MemberRow['title_level'] | undefined;
  kind?: MembersTable['kind'] | undefined;
  bornAfter?: string | undefined;
  bornOnOrBefore?: string | undefined;
  q?: string | undefined;
}

export async function listMembers(db: Executor, societyId: string, filters: MemberFilters, keyset: Keyset) {
  let query = db.selectFrom('members').selectAll().where('society_id', '=', societyId);
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.category) query = query.where('category', '=', filters.category);
  if (filters.titleLevel) query = query.where('title_level', '=', filters.titleLevel);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.bornAfter !== undefined) query = query.where('birth_date', '>', filters.bornAfter);
  if (filters.bornOnOrBefore !== undefined) query = query.where('birth_date', '<=', filters.bornOnOrBefore);
  if (filters.q) {
    const text = filters.q.trim();
    // One or two characters (a surname, or most of a Chinese name) match the start of the name,
    // which the (society, name) index answers; trigram indexes need three characters to help, and
    // a two-character substring over a large society meant reading all of it.
    if ([...text].length < 3) query = query.where('name', 'like', prefixPattern(text));
    else {
      const pattern = containsPattern(text);
      query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('employer', 'ilike', pattern)]));
    }
  }
  return paginate(query, keyset, 'id');
}

/** A member by id, whatever its society (the caller checks the scope), optionally locked for a change. */
export async function findMember(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MemberRow | undefined> {
  let query = db.selectFrom('members').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The member of the society holding this external reference. */
export async function memberIdWithExternalRef(
  db: Executor,
  societyId: string,
  externalRef: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('society_id', '=', societyId)
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  return row?.id;
}

/** The member of the society holding this ID number (by its match hash). */
export async function memberIdWithIdNumber(
  db: Executor,
  societyId: string,
  idNumberHash: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('society_id', '=', societyId)
    .where('id_number_hash', '=', idNumberHash)
    .executeTakeFirst();
  return row?.id;
}

/**
 * The member an imported row matches, locked: by external reference when the row has one, else by
 * ID number; a row with neither matches nobody.
 */
export async function lockImportMatch(
  trx: Trx,
  societyId: string,
  keys: { external_ref?: string | null | undefined; id_number_hash?: string | null | undefined },
): Promise<MemberRow | undefined> {
  let query = trx.selectFrom('members').selectAll().where('society_id', '=', societyId);
  if (keys.external_ref) query = query.where('external_ref', '=', keys.external_ref);
  else if (keys.id_number_hash) query = query.where('id_number_hash', '=', keys.id_number_hash);
  else query = query.where(sql<SqlBool>`false`);
  return query.forUpdate().executeTakeFirst();
}

/** Every member of the society an import batch matches by reference or ID number, locked, in one read. */
export async function lockImportMatches(
  trx: Trx,
  societyId: string,
  externalRefs: readonly string[],
  idNumberHashes: readonly string[],
): Promise<MemberRow[]> {
  if (externalRefs.length === 0 && idNumberHashes.length === 0) return [];
  return trx
    .selectFrom('members')
    .selectAll()
    .where('society_id', '=', societyId)
    .where((eb) =>
      eb.or([
        ...(externalRefs.length ? [eb('external_ref', 'in', externalRefs)] : []),
        ...(idNumberHashes.length ? [eb('id_number_hash', 'in', idNumberHashes)] : []),
      ]),
    )
    .forUpdate()
    .execute();
}

export async function insertMember(trx: Trx, row: NewMemberRow): Promise<MemberRow> {
  return trx.insertInto('members').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The columns an imported member is inserted with (see `insertMany`). */
const MEMBER_COLUMNS: ColumnTypes<'members'> = {
  id: 'uuid',
  society_id: 'uuid',
  kind: 'text',
  name: 'text',
  gender: 'text',
  birth_date: 'date',
  id_number_sealed: 'text',
  id_number_hash: 'text',
  id_number_masked: 'text',
  phone: 'text',
  email: 'text',
  employer: 'text',
  title_level: 'text',
  discipline: 'text',
  degree: 'text',
  category: 'text',
  org_credit_code: 'text',
  contact_person: 'text',
  external_ref: 'text',
  status: 'text',
  joined_on: 'date',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

/** A batch of new members in one statement, returned as inserted. */
export async function insertMembers(trx: Trx, rows: readonly NewMemberRow[]): Promise<MemberRow[]> {
  return insertMany(trx, 'members', MEMBER_COLUMNS, rows, true);
}

export async function updateMember(trx: Trx, id: string, changes: MemberRowUpdate): Promise<MemberRow> {
  return trx
    .updateTable('members')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** How `otherMemberships` matches a person: its ID number's hash, and/or name, birth date and phone together. */
export interface PersonMatch {
  memberId: string;
  societyId: string;
  idNumberHash: string | null;
  details: { name: string; birthDate: string; phone: string } | null;
}

/**
 * The same person's memberships in other societies the scope reaches: by ID number, or by name,
 * birth date and phone together; first 200 by society name.
 */
export async function otherMemberships(db: Executor, scope: SocietyScope, person: PersonMatch) {
  const { idNumberHash, details } = person;
  let query = db
    .selectFrom('members')
    .innerJoin('societies', 'societies.id', 'members.society_id')
    .select([
      'members.id',
      'members.society_id',
      'societies.name as society_name',
      'members.status',
      'members.category',
      'members.joined_on',
      'members.id_number_hash',
    ])
    .where('members.id', '<>', person.memberId)
    .where('members.society_id', '<>', person.societyId)
    .where('members.kind', '=', 'individual')
    .where((eb) =>
      eb.or([
        ...(idNumberHash ? [eb('members.id_number_hash', '=', idNumberHash)] : []),
        ...(details
          ? [
              eb.and([
                eb('members.name', '=', details.name),
                eb('members.birth_date', '=', details.birthDate),
                eb('members.phone', '=', details.phone),
                // Two different ID numbers are two people, whatever else agrees.
                ...(idNumberHash ? [eb('members.id_number_hash', 'is', null)] : []),
              ]),
            ]
          : []),
      ]),
    );
  const reached = societiesReached(scope);
  if (reached) query = query.where('members.society_id', 'in', reached);
  return query.orderBy('societies.name').orderBy('members.id').limit(200).execute();
}

export async function duesRecorded(db: Executor, memberId: string, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('member_dues')
    .select('id')
    .where('member_id', '=', memberId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listDues(db: Executor, memberId: string): Promise<DuesRow[]> {
  return db.selectFrom('member_dues').selectAll().where('member_id', '=', memberId).orderBy('year', 'desc').execute();
}

export async function insertDues(trx: Trx, row: Insertable<MemberDuesTable>): Promise<DuesRow> {
  return trx.insertInto('member_dues').values(row).returningAll().executeTakeFirstOrThrow();
}
