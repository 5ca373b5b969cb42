import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('societies')
    .addColumn('party_organisation', 'text', (c) =>
      c
        .notNull()
        .defaultTo('none')
        .check(sql`party_organisation IN ('none', 'own_branch', 'joint_branch', 'instructor')`),
    )
    .addColumn('party_organisation_on', 'date')
    .addColumn('evaluation_grade', 'integer', (c) => c.check(sql`evaluation_grade BETWEEN 1 AND 5`))
    .addColumn('evaluation_grade_on', 'date')
    .execute();

  // A term (届) of the society's governing bodies, elected by the member congress.
  await db.schema
    .createTable('governance_terms')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addColumn('sequence', 'integer', (c) => c.notNull().check(sql`sequence > 0`))
    .addColumn('start_on', 'date', (c) => c.notNull())
    .addColumn('end_on', 'date', (c) => c.notNull())
    .addColumn('representatives', 'integer', (c) => c.check(sql`representatives >= 0`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('governance_terms_society_sequence', ['society_id', 'sequence'])
    .addCheckConstraint('governance_terms_dates', sql`end_on > start_on`)
    .execute();

  await db.schema
    .createTable('council_members')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addColumn('term_id', 'uuid', (c) => c.notNull().references('governance_terms.id').onDelete('cascade'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('standing', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('frontline', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('birth_year', 'integer')
    .addColumn('employer', 'text')
    .addColumn('official', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('approval_ref', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('council_members_term').on('council_members').columns(['term_id', 'id']).execute();
  await db.schema.createIndex('council_members_society').on('council_members').column('society_id').execute();

  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_society_year', ['society_id', 'year'])
    .execute();

  await db.schema
    .createTable('inspections')
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result IN ('pass', 'basic_pass', 'fail', 'absent')`))
    .addColumn('comments', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspections_pk', ['society_id', 'year'])
    .execute();

  // One capacity snapshot per society and year, so trends can be drawn.
  await db.schema
    .createTable('capacity_snapshots')
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('total', 'real', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('sub_scores', 'jsonb', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('capacity_snapshots_pk', ['society_id', 'year'])
    .execute();

  await db.schema
    .createTable('alliances')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('lead_society_id', 'uuid', (c) => c.notNull().references('societies.id'))
    .addColumn('description', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('alliance_members')
    .addColumn('alliance_id', 'uuid', (c) => c.notNull().references('alliances.id').onDelete('cascade'))
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('alliance_members_pk', ['alliance_id', 'society_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'alliance_members',
    'alliances',
    'capacity_snapshots',
    'inspections',
    'annual_reports',
    'council_members',
    'governance_terms',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema
    .alterTable('societies')
    .dropColumn('party_organisation')
    .dropColumn('party_organisation_on')
    .dropColumn('evaluation_grade')
    .dropColumn('evaluation_grade_on')
    .execute();
}
