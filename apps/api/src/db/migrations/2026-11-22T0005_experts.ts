import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  // The Association's expert pools (科技专家库 / 科普专家库).
  await db.schema
    .createTable('experts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.check(sql`gender IN ('male', 'female')`))
    .addColumn('birth_date', 'date')
    .addColumn('id_number_sealed', 'text')
    .addColumn('id_number_hash', 'text', (c) => c.unique())
    .addColumn('id_number_masked', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('employer', 'text')
    .addColumn('title_level', 'text', (c) => c.notNull().check(sql`title_level IN ('senior', 'associate_senior')`))
    .addColumn('disciplines', 'jsonb', (c) => c.notNull())
    .addColumn('pools', 'jsonb', (c) => c.notNull())
    .addColumn('available', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('external_ref', 'text', (c) => c.unique())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX experts_name_trgm ON experts USING gin (name gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('experts_name').on('experts').columns(['name', 'id']).execute();
  await db.schema
    .createTable('expert_societies')
    .addColumn('expert_id', 'uuid', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('expert_societies_pk', ['expert_id', 'society_id'])
    .execute();
  await db.schema.createIndex('expert_societies_society').on('expert_societies').column('society_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('expert_societies').ifExists().execute();
  await db.schema.dropTable('experts').ifExists().execute();
}
