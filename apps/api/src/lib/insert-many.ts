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
  const record = columns.map(([c, t]) => `"${c}" ${t}`).join(', ');
  const select = columns.map(([c]) => `r."${c}"`).join(', ');
  const payload = `[${rows.map((row) => payloadRow(row, columns)).join(',')}]`;
  const target = `"${table}" (${columns.map(([c]) => `"${c}"`).join(', ')})`;
  const result = await sql<Selectable<Database[T]>>`INSERT INTO ${sql.raw(target)}
    SELECT ${sql.raw(select)} FROM jsonb_to_recordset(${payload}::jsonb) AS r(${sql.raw(record)})
    ${sql.raw(returning ? 'RETURNING *' : '')}`.execute(trx);
  return result.rows;
}

/**
 * One row of the payload. A jsonb column holds JSON text already (as everywhere in the schema: the
 * application writes `JSON.stringify(…)`), so it is spliced in as JSON rather than escaped into a
 * string and parsed twice — the audit log's `before`/`after` are most of a bulk import's bytes.
 */
function payloadRow(row: object, columns: readonly [string, ColumnType][]): string {
  let out = '{';
  for (let i = 0; i < columns.length; i++) {
    const [column, type] = columns[i] as [string, ColumnType];
    const value: unknown = Reflect.get(row, column);
    let json: string;
    if (value === null || value === undefined) json = 'null';
    else if (type === 'jsonb') json = jsonText(value, column);
    else json = JSON.stringify(value instanceof Date ? value.toISOString() : value);
    out += `${i > 0 ? ',' : ''}"${column}":${json}`;
  }
  return `${out}}`;
}

function jsonText(value: unknown, column: string): string {
  if (typeof value !== 'string') throw new TypeError(`jsonb column ${column} takes JSON text`);
  return value;
}
