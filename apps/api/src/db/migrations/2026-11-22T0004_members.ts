import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('members')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('individual', 'institutional')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.check(sql`gender IN ('male', 'female')`))
    .addColumn('birth_date', 'date')
    // The resident ID number only ever sealed (AES-GCM), with a keyed hash to match people and a mask to show.
    .addColumn('id_number_sealed', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('employer', 'text')
    .addColumn('title_level', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('discipline', 'text')
    .addColumn('degree', 'text')
    .addColumn('category', 'text', (c) => c.notNull().defaultTo('ordinary'))
    .addColumn('org_credit_code', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('external_ref', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX members_society_external_ref ON members (society_id, external_ref) WHERE external_ref IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX members_society_id_number ON members (society_id, id_number_hash) WHERE id_number_hash IS NOT NULL`.execute(
    db,
  );
  await db.schema
    .createIndex('members_society_created')
    .on('members')
    .columns(['society_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('members_society_name').on('members').columns(['society_id', 'name', 'id']).execute();
  await db.schema.createIndex('members_id_number_hash').on('members').column('id_number_hash').execute();
  await sql`CREATE INDEX members_name_trgm ON members USING gin (name gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('member_dues')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('member_id', 'uuid', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('paid_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('member_dues_member_year', ['member_id', 'year'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('member_dues').ifExists().execute();
  await db.schema.dropTable('members').ifExists().execute();
}
