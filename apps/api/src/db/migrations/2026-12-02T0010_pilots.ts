import { type Kysely, sql } from 'kysely';

// The seven functions of SPEC §4, as the catalogue starts; frozen here (later edits are staff's, in data).
const FUNCTIONS = [
  ['technology_evaluation', '科技评估', 'Technology evaluation', true, []],
  ['group_standards', '团体标准研制', 'Group standards', true, ['standards_registration']],
  [
    'engineering_qualification',
    '工程技术领域职业资格认定',
    'Professional qualification in engineering',
    true,
    ['qualification_assessment'],
  ],
  ['award_nomination', '科技奖励提名推荐', 'Science award nomination', true, []],
  ['third_party_evaluation', '第三方评估', 'Third-party evaluation', false, []],
  ['decision_consulting', '决策咨询', 'Decision consulting', false, []],
  ['purchased_services', '政府购买服务', 'Government-purchased services', false, []],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pilot_functions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text')
    .addColumn('description', 'text')
    .addColumn('requires_grade_3a', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('required_qualifications', 'jsonb', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    // The catalogue's order: the seven of SPEC §4 first, as listed there, then staff's additions.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  const now = new Date();
  await db
    .insertInto('pilot_functions')
    .values(
      FUNCTIONS.map(([code, name, nameEn, grade, qualifications], index) => ({
        code,
        position: index + 1,
        name,
        name_en: nameEn,
        requires_grade_3a: grade,
        required_qualifications: JSON.stringify(qualifications),
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();

  await db.schema
    .createTable('pilots')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('society_id', 'uuid', (c) => c.notNull().references('societies.id').onDelete('restrict'))
    .addColumn('function_code', 'text', (c) => c.notNull().references('pilot_functions.code').onDelete('restrict'))
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope', 'text')
    .addColumn('legal_basis', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('contract_value_fen', 'bigint', (c) => c.notNull().check(sql`contract_value_fen >= 0`))
    .addColumn('deliverables', 'jsonb', (c) => c.notNull())
    // Qualifications the society declares for the function ({ code, evidence }), judged at review.
    .addColumn('qualifications', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed'))
    .addColumn('eligibility_override', 'text')
    .addColumn('satisfaction', 'integer', (c) => c.check(sql`satisfaction BETWEEN 0 AND 100`))
    .addColumn('evaluation_comments', 'text')
    .addColumn('evaluated_at', 'timestamptz')
    .addColumn('evaluated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('pilots_period', sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('pilots_created').on('pilots').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('pilots_society').on('pilots').columns(['society_id', 'status']).execute();
  await db.schema.createIndex('pilots_department').on('pilots').columns(['department', 'created_at']).execute();

  await db.schema
    .createTable('pilot_milestones')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('pilot_id', 'uuid', (c) => c.notNull().references('pilots.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('done_on', 'date')
    .addColumn('evidence', 'text')
    .addColumn('accepted_on', 'date')
    .addColumn('accepted_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pilot_milestones_pilot')
    .on('pilot_milestones')
    .columns(['pilot_id', 'due_on'])
    .execute();
  await sql`CREATE INDEX pilot_milestones_open ON pilot_milestones (due_on) WHERE done_on IS NULL`.execute(db);

  await db.schema
    .createTable('pilot_transitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('pilot_id', 'uuid', (c) => c.notNull().references('pilots.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pilot_transitions_pilot').on('pilot_transitions').columns(['pilot_id', 'at']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['pilot_transitions', 'pilot_milestones', 'pilots', 'pilot_functions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
