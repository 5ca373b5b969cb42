import { type Kysely, sql } from 'kysely';

/** The official 2026 schedule (国务院办公厅, 2025-11-04), preloaded so notices count working days from day one. */
const CALENDAR_2026 = {
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  // The working-day calendar, one row a year, edited by staff.
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('holidays', 'jsonb', (c) => c.notNull())
    .addColumn('make_up_workdays', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db
    .insertInto('calendar_years')
    .values({
      year: 2026,
      holidays: JSON.stringify(CALENDAR_2026.holidays),
      make_up_workdays: JSON.stringify(CALENDAR_2026.makeUpWorkdays),
      source: '国务院办公厅关于2026年部分节假日安排的通知',
    })
    .execute();

  // A reviewer's login belongs to one expert of the pools: assignments are made to experts.
  await db.schema
    .alterTable('users')
    .addColumn('expert_id', 'uuid', (c) => c.references('experts.id').onDelete('set null').unique())
    .execute();

  await db.schema
    .createTable('funding_programs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('total_budget_fen', 'bigint', (c) => c.notNull().check(sql`total_budget_fen >= 0`))
    .addColumn('categories', 'jsonb', (c) => c.notNull())
    .addColumn('rubric', 'jsonb', (c) => c.notNull())
    .addColumn('minimum_score', 'double precision', (c) => c.notNull())
    .addColumn('reviewers_per_application', 'integer', (c) => c.notNull().check(sql`reviewers_per_application >= 3`))
    .addColumn('scoring_method', 'text', (c) => c.notNull())
    .addColumn('allocation_strategy', 'text', (c) => c.notNull())
    .addColumn('notice_working_days', 'integer', (c) => c.notNull())
    .addColumn('allow_multiple_per_category', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('notice_starts_on', 'date')
    .addColumn('notice_ends_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('funding_programs_year').on('funding_programs').columns(['year', 'id']).execute();

  await db.schema
    .createTable('funding_applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('funding_programs.id').onDelete('cascade'))
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('restrict'))
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('planned_on', 'date')
    .addColumn('place', 'text')
    .addColumn('expected_participants', 'integer')
    .addColumn('disciplines', 'jsonb', (c) => c.notNull())
    .addColumn('budget_lines', 'jsonb', (c) => c.notNull())
    .addColumn('requested_fen', 'bigint', (c) => c.notNull().check(sql`requested_fen >= 0`))
    .addColumn('self_funded_fen', 'bigint', (c) => c.notNull().check(sql`self_funded_fen >= 0`))
    .addColumn('adjusted_fen', 'bigint', (c) => c.check(sql`adjusted_fen >= 0`))
    .addColumn('adjustment_reason', 'text')
    .addColumn('attachments', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('screening', 'jsonb')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('score', 'double precision')
    .addColumn('first_criterion', 'double precision')
    .addColumn('score_explanation', 'text')
    .addColumn('allocated_fen', 'bigint', (c) => c.check(sql`allocated_fen >= 0`))
    .addColumn('decision', 'jsonb')
    .addColumn('final_report', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('funding_applications_program')
    .on('funding_applications')
    .columns(['program_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('funding_applications_society')
    .on('funding_applications')
    .columns(['society_id', 'program_id'])
    .execute();

  // The shared transition mechanism keeps a history per lifecycle (as society_transitions does).
  await db.schema
    .createTable('application_transitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('funding_applications.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('application_transitions_application')
    .on('application_transitions')
    .columns(['application_id', 'at', 'id'])
    .execute();

  // A reviewer's declaration of interest for a program: societies they must not review.
  await db.schema
    .createTable('reviewer_declarations')
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('funding_programs.id').onDelete('cascade'))
    .addColumn('expert_id', 'uuid', (c) => c.notNull().references('experts.id').onDelete('cascade'))
    .addColumn('society_ids', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('declared_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('reviewer_declarations_pk', ['program_id', 'expert_id'])
    .execute();

  await db.schema
    .createTable('review_assignments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('funding_programs.id').onDelete('cascade'))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('funding_applications.id').onDelete('cascade'))
    .addColumn('expert_id', 'uuid', (c) => c.notNull().references('experts.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('assigned', 'declined', 'submitted', 'recused')`),
    )
    .addColumn('discipline_match', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('decline_note', 'text')
    .addColumn('scores', 'jsonb')
    .addColumn('total', 'double precision')
    .addColumn('justification', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('review_assignments_pair', ['application_id', 'expert_id'])
    .execute();
  await db.schema
    .createIndex('review_assignments_program')
    .on('review_assignments')
    .columns(['program_id', 'application_id'])
    .execute();
  await db.schema
    .createIndex('review_assignments_expert')
    .on('review_assignments')
    .columns(['expert_id', 'status'])
    .execute();

  // Objections filed against a public notice (公示异议), signed with a real name or a unit.
  await db.schema
    .createTable('notice_objections')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('funding_programs.id').onDelete('cascade'))
    .addColumn('application_id', 'uuid', (c) => c.references('funding_applications.id').onDelete('cascade'))
    .addColumn('signer_kind', 'text', (c) => c.notNull().check(sql`signer_kind IN ('person', 'unit')`))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'upheld', 'dismissed')`))
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notice_objections_program')
    .on('notice_objections')
    .columns(['program_id', 'created_at', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notice_objections',
    'review_assignments',
    'reviewer_declarations',
    'application_transitions',
    'funding_applications',
    'funding_programs',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('users').dropColumn('expert_id').execute();
  await db.schema.dropTable('calendar_years').ifExists().execute();
}
