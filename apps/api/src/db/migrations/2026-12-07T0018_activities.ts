import { type Kysely, sql } from 'kysely';

/**
 * The record of activities (issue 21): one row per activity a society held or plans. The kinds and
 * outcomes are checked here as well as in the domain, so a row written by hand cannot be counted wrong.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind IN ('academic_conference', 'lecture', 'training', 'popularisation', 'advisory_report', 'brand_event', 'international_exchange', 'other')`,
        ),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_on', 'date', (c) => c.notNull())
    .addColumn('end_on', 'date', (c) => c.notNull())
    .addColumn('held', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('place', 'text')
    .addColumn('online', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('organisers', 'text')
    .addColumn('partners', 'text')
    .addColumn('participants', 'integer', (c) => c.check(sql`participants >= 0`))
    .addColumn('note', 'text')
    .addColumn('recipient', 'text')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome IN ('instruction', 'adoption')`))
    .addColumn('outcome_on', 'date')
    .addColumn('outcome_level', 'text', (c) =>
      c.check(sql`outcome_level IN ('national', 'provincial', 'municipal', 'district')`),
    )
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('external_ref', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('activities_dates', sql`end_on >= start_on`)
    .execute();
  // An import matches a row again by its external reference, so a reference names one activity.
  await sql`CREATE UNIQUE INDEX activities_society_external_ref ON activities (society_id, external_ref) WHERE external_ref IS NOT NULL`.execute(
    db,
  );
  // The society's list (newest first) and its statistics by year.
  await db.schema
    .createIndex('activities_society_start')
    .on('activities')
    .columns(['society_id', 'start_on', 'id'])
    .execute();
  // City-wide statistics of a year across societies.
  await db.schema.createIndex('activities_start').on('activities').columns(['start_on']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activities').ifExists().execute();
}
