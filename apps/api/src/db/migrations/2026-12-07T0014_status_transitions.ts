import { type Kysely, sql } from 'kysely';

/**
 * One history for every lifecycle (issue 18): the moves of societies, members, applications, programs
 * and pilots are written by one mechanism (lib/transitions.ts) into one table, keyed by the audit log's
 * resource type. Societies, applications and pilots kept their own tables until now; members and
 * programs kept no history but the audit log. The rows move over unchanged.
 *
 * No foreign key: the table serves every resource type. No record with a history is ever deleted (a
 * society is deleted only while preparing, before its first move), and the history outlives nothing.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('status_transitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'uuid', (c) => c.notNull())
    .addColumn('society_id', 'uuid')
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('status_transitions_resource')
    .on('status_transitions')
    .columns(['resource_type', 'resource_id', 'at', 'id'])
    .execute();
  await sql`
    INSERT INTO status_transitions (id, resource_type, resource_id, society_id, from_status, to_status, reason, actor_id, actor_name, at)
    SELECT id, 'society', society_id, society_id, from_status, to_status, reason, actor_id::text, actor_name, at
    FROM society_transitions`.execute(db);
  await sql`
    INSERT INTO status_transitions (id, resource_type, resource_id, society_id, from_status, to_status, reason, actor_id, actor_name, at)
    SELECT t.id, 'funding_application', t.application_id, a.society_id, t.from_status, t.to_status, t.reason,
      t.actor_id::text, t.actor_name, t.at
    FROM application_transitions t JOIN funding_applications a ON a.id = t.application_id`.execute(db);
  await sql`
    INSERT INTO status_transitions (id, resource_type, resource_id, society_id, from_status, to_status, reason, actor_id, actor_name, at)
    SELECT t.id, 'pilot', t.pilot_id, p.society_id, t.from_status, t.to_status, t.reason, t.actor_id, t.actor_name, t.at
    FROM pilot_transitions t JOIN pilots p ON p.id = t.pilot_id`.execute(db);
  await db.schema.dropTable('society_transitions').execute();
  await db.schema.dropTable('application_transitions').execute();
  await db.schema.dropTable('pilot_transitions').execute();
}

/** Back to three histories; members' and programs' moves are dropped (they had none before). */
// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function down(db: Kysely<any>): Promise<void> {
  const owners = [
    ['society_transitions', 'society_id', 'societies', 'society', 'uuid'],
    ['application_transitions', 'application_id', 'funding_applications', 'funding_application', 'uuid'],
    ['pilot_transitions', 'pilot_id', 'pilots', 'pilot', 'text'],
  ] as const;
  for (const [table, owner, ownerTable, resourceType, actorType] of owners) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn(owner, 'uuid', (c) => c.notNull().references(`${ownerTable}.id`).onDelete('cascade'))
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('actor_id', actorType)
      .addColumn('actor_name', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createIndex(`${table}_${owner.replace('_id', '')}`)
      .on(table)
      .columns([owner, 'at', 'id'])
      .execute();
    await sql`
      INSERT INTO ${sql.table(table)} (id, ${sql.ref(owner)}, from_status, to_status, reason, actor_id, actor_name, at)
      SELECT id, resource_id, from_status, to_status, reason, actor_id::${sql.raw(actorType)}, actor_name, at
      FROM status_transitions WHERE resource_type = ${resourceType}`.execute(db);
  }
  await db.schema.dropTable('status_transitions').execute();
}
