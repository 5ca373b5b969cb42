import { type Insertable, type Selectable, sql } from 'kysely';
import type { Database } from '../db/database';
import type { Trx } from './write';

/** PostgreSQL types a bulk insert needs to know (what `jsonb_to_recordset` turns each field into). */
export type ColumnType = 'uuid' | 'text' | 'integer' | 'bigint' | 'boolean' | 'date' | 'timestamptz' | 'jsonb';

/** Every column a row must have, and those with defaults the caller chooses to send. */
export type ColumnTypes<T extends keyof Database> = { [K in keyof Insertable<Database[T]>]: ColumnType };

/**
 * Inserts many rows as ONE bind parameter: the rows travel as a JSON array and PostgreSQL unpacks them
 * with `jsonb_to_recordset`. A multi-row `VALUES` of a thousand members has 24,000 parameters, and
 * parsing and binding them took longer than the insert itself (see docs/benchmarks.md). For the bulk
 * paths only; single-row writes use the query builder as everywhere else.
 *
 * Table and column names come from the typed column map (code, never input), so they are safe to
 * inline; every value goes through the one parameter.
 */
export async function insertMany<T extends keyof Database & string>(
  trx: Trx,
  table: T,
  types: ColumnTypes<T>,
  rows: readonly Insertable<Database[T]>[],
  returning = false,
): Promise<Selectable<Database[T]>[]> {
  if (rows.length === 0) return [];
  const columns = Object.entries(types) as [string, ColumnType][];
  // jsonb columns arrive as JSON text (as everywhere in the schema) and are cast back.
  const record = columns.map(([c, t]) => `"${c}" ${t === 'jsonb' ? 'text' : t}`).join(', ');
  const select = columns.map(([c, t]) => (t === 'jsonb' ? `r."${c}"::jsonb` : `r."${c}"`)).join(', ');
  const payload = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        columns.map(([c]) => {
          const value: unknown = Reflect.get(row, c);
          return [c, value instanceof Date ? value.toISOString() : (value ?? null)];
        }),
      ),
    ),
  );
  const target = `"${table}" (${columns.map(([c]) => `"${c}"`).join(', ')})`;
  const result = await sql<Selectable<Database[T]>>`INSERT INTO ${sql.raw(target)}
    SELECT ${sql.raw(select)} FROM jsonb_to_recordset(${payload}::jsonb) AS r(${sql.raw(record)})
    ${sql.raw(returning ? 'RETURNING *' : '')}`.execute(trx);
  return result.rows;
}
