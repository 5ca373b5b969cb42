import { type Kysely, sql } from 'kysely';

/**
 * Returns for correction (退回修改, issue 21). Each time staff send a record back to its society, one
 * round: what to fix (a list of `{ section, comment }`), the deadline on the working-day calendar, who
 * sent it and when. The moves themselves are in `status_transitions` like every other; this table keeps
 * what each round asked for, so every round can be listed after it is resolved.
 *
 * `resolved_at`: the society filed the record again. `expired_at`: the deadline passed and its
 * consequence was applied (an application in a closed call rejected); an annual report's or a final
 * report's overdue round keeps both null: the record stays owed and counts as not filed.
 *
 * No foreign key: like the history, the table serves several kinds of record (resource_type).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('returns')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('resource_type', 'text', (c) =>
      c.notNull().check(sql`resource_type IN ('annual_report', 'funding_application', 'final_report')`),
    )
    .addColumn('resource_id', 'uuid', (c) => c.notNull())
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id'))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('comments', 'jsonb', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('returned_by', 'text')
    .addColumn('returned_by_name', 'text')
    .addColumn('returned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('expired_at', 'timestamptz')
    .addUniqueConstraint('returns_round', ['resource_type', 'resource_id', 'round'])
    .execute();
  await db.schema
    .createIndex('returns_open')
    .on('returns')
    .columns(['society_id', 'deadline'])
    .where(sql.ref('resolved_at'), 'is', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('returns').execute();
}
