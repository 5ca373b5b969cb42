import { type Kysely, sql } from 'kysely';

/**
 * Documents (issue #20): a document is one file slot of a thing (an annual report's 承诺书, a pilot's
 * acceptance report); each upload is a new row of `document_versions`, so nothing is ever overwritten.
 * The bytes live in object storage under `storage_key`; the row is written in the same transaction
 * that makes the upload count, after the object is stored.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    // Null for the Association's own documents (a funding notice, an inspection result list).
    .addColumn('society_id', 'uuid', (c) => c.references('societies.id').onDelete('cascade'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    // The purpose for single-slot purposes (a new upload is a version), null where a thing has several.
    .addColumn('slot', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('generated', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // NULL slots never collide: several invitation letters, one 承诺书.
  await db.schema
    .createIndex('documents_slot_key')
    .on('documents')
    .columns(['owner_kind', 'owner_id', 'slot'])
    .unique()
    .execute();
  await db.schema.createIndex('documents_society_idx').on('documents').columns(['society_id', 'year']).execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('document_id', 'uuid', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('document_versions_number_key', ['document_id', 'number'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_versions').execute();
  await db.schema.dropTable('documents').execute();
}
