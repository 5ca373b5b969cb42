import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped (frozen in time)
export async function up(db: Kysely<any>): Promise<void> {
  // Search matches the employer as well as the name: without this index such a search read the
  // whole table (docs/benchmarks.md).
  await sql`CREATE INDEX members_employer_trgm ON members USING gin (employer gin_trgm_ops)`.execute(db);
  // Short searches match the start of the name (LIKE 'prefix%'); `text_pattern_ops` lets a btree
  // answer that whatever the database's collation.
  await sql`CREATE INDEX members_society_name_prefix ON members (society_id, name text_pattern_ops)`.execute(db);
  // One person across societies without an ID number: name + birth date (+ phone), SPEC §2.
  await db.schema.createIndex('members_person').on('members').columns(['name', 'birth_date']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are deliberately untyped
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('members_person').ifExists().execute();
  await db.schema.dropIndex('members_society_name_prefix').ifExists().execute();
  await db.schema.dropIndex('members_employer_trgm').ifExists().execute();
}
