import type { DocumentOwner, DocumentPurpose } from '@society-hub/domain';
import type { Insertable, Selectable } from 'kysely';
import type { DB } from '../../db/connect';
import type { DocumentsTable, DocumentVersionsTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;
export type DocumentRow = Selectable<DocumentsTable>;
export type VersionRow = Selectable<DocumentVersionsTable>;
export type DocumentWithLatest = DocumentRow & { latest: VersionRow };

export const DOCUMENT_SORTS: readonly SortSpec[] = [
  { name: '-updatedAt', column: 'documents.updated_at', direction: 'desc' },
];

export async function findDocument(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('documents').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findVersion(db: Executor, documentId: string, number: number) {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function versionsOf(db: Executor, documentId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('number', 'desc')
    .execute();
}

async function latestVersions(db: Executor, documents: DocumentRow[]): Promise<DocumentWithLatest[]> {
  if (documents.length === 0) return [];
  const versions = await db
    .selectFrom('document_versions')
    .innerJoin('documents', 'documents.id', 'document_versions.document_id')
    .selectAll('document_versions')
    .where(
      'document_versions.document_id',
      'in',
      documents.map((d) => d.id),
    )
    .whereRef('document_versions.number', '=', 'documents.current_version')
    .execute();
  const byDocument = new Map(versions.map((v) => [v.document_id, v]));
  return documents.flatMap((d) => {
    const latest = byDocument.get(d.id);
    return latest ? [{ ...d, latest }] : [];
  });
}

/** One page of a society's archive, newest change first. */
export async function listSocietyDocuments(
  db: Executor,
  societyId: string,
  filters: { year?: number | undefined; purpose?: DocumentPurpose | undefined },
  keyset: Keyset,
) {
  let query = db.selectFrom('documents').selectAll('documents').where('documents.society_id', '=', societyId);
  if (filters.year !== undefined) query = query.where('documents.year', '=', filters.year);
  if (filters.purpose !== undefined) query = query.where('documents.purpose', '=', filters.purpose);
  const page = await paginate(query, keyset, 'documents.id');
  return { rows: await latestVersions(db, page.rows), nextCursor: page.nextCursor };
}

/** Which (owner, purpose) pairs a society has on file: the archive's "missing" list is the rest. */
export async function slotsOnFile(db: Executor, societyId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('documents')
    .select(['owner_kind', 'owner_id', 'purpose'])
    .where('society_id', '=', societyId)
    .execute();
  return new Set(rows.map((r) => slotKey(r.owner_kind, r.owner_id, r.purpose)));
}

export function slotKey(kind: DocumentOwner, id: string, purpose: DocumentPurpose): string {
  return `${kind}/${id}/${purpose}`;
}

/** A society's annual reports and terms: the things that must have documents on file. */
export async function thingsRequiringDocuments(db: Executor, societyId: string) {
  const [reports, terms] = await Promise.all([
    db.selectFrom('annual_reports').select(['id', 'year']).where('society_id', '=', societyId).execute(),
    db.selectFrom('governance_terms').select(['id', 'start_on']).where('society_id', '=', societyId).execute(),
  ]);
  return { reports, terms };
}

/** Whether this reviewer's login is assigned (and has not left) the application. */
export async function reviewerAssigned(db: Executor, userId: string, applicationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('review_assignments')
    .innerJoin('users', 'users.expert_id', 'review_assignments.expert_id')
    .select('review_assignments.id')
    .where('users.id', '=', userId)
    .where('review_assignments.application_id', '=', applicationId)
    .where('review_assignments.status', 'in', ['assigned', 'submitted'])
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The document a new version goes into: the thing's one document of a single-slot purpose (made on
 * its first upload; concurrent first uploads meet at the unique slot and both become versions), or a
 * new one, or the one named. Its `current_version` is the new version's number.
 */
export async function nextVersionOf(
  trx: Trx,
  target: { existingId: string } | { new: Insertable<DocumentsTable> },
): Promise<DocumentRow | undefined> {
  if ('existingId' in target) {
    return trx
      .updateTable('documents')
      .set((eb) => ({ current_version: eb('current_version', '+', 1), updated_at: new Date() }))
      .where('id', '=', target.existingId)
      .returningAll()
      .executeTakeFirst();
  }
  const row = target.new;
  if (row.slot === null || row.slot === undefined) {
    return trx.insertInto('documents').values(row).returningAll().executeTakeFirst();
  }
  return trx
    .insertInto('documents')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['owner_kind', 'owner_id', 'slot']).doUpdateSet((eb) => ({
        current_version: eb('documents.current_version', '+', 1),
        updated_at: new Date(),
      })),
    )
    .returningAll()
    .executeTakeFirst();
}

export async function insertVersion(trx: Trx, row: Insertable<DocumentVersionsTable>): Promise<VersionRow> {
  return trx.insertInto('document_versions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Every inspection result recorded for a year, with the society's name: the published result list. */
export async function inspectionResults(db: Executor, year: number) {
  return db
    .selectFrom('inspections')
    .innerJoin('societies', 'societies.id', 'inspections.society_id')
    .select(['societies.name as society_name', 'inspections.result', 'inspections.comments'])
    .where('inspections.year', '=', year)
    .orderBy('societies.name')
    .execute();
}
