import { sql } from 'kysely';
import type { DB } from '../../db/connect';

/** Fails when the database does not answer. */
export async function pingDatabase(db: DB): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
