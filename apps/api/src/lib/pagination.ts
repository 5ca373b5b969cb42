import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { errors } from './errors';

/**
 * Keyset pagination, written once. A cursor carries the sort it belongs to and the last row's sort
 * value and id; the next page starts strictly after that pair, so rows inserted meanwhile never
 * shift or repeat a page (no OFFSET anywhere).
 */
export interface SortSpec {
  /** Public name, e.g. `-createdAt`. */
  name: string;
  /** SQL column (qualified if needed). */
  column: string;
  direction: 'asc' | 'desc';
}

export interface Keyset {
  sort: SortSpec;
  after: { value: string | number; id: string } | null;
  limit: number;
}

export const DEFAULT_LIMIT = 50;

export function encodeCursor(sort: SortSpec, value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sort.name, value, id])).toString('base64url');
}

function badCursor(): never {
  throw errors.badRequest('The cursor is not valid for this list; start again without it.', [
    { path: '/query/cursor', code: 'invalid_cursor', message: 'Unrecognised or stale cursor.' },
  ]);
}

export function decodeCursor(sort: SortSpec, cursor: string | undefined): Keyset['after'] {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) badCursor();
  const [name, value, id] = parsed;
  if (name !== sort.name || (typeof value !== 'string' && typeof value !== 'number') || typeof id !== 'string') {
    badCursor();
  }
  if (!/^[0-9a-f-]{36}$/i.test(id)) badCursor();
  return { value, id };
}

/** Resolves `sort` against the list's allowed sorts, naming the choices when it is unknown. */
export function resolveSort(allowed: readonly SortSpec[], requested: string | undefined): SortSpec {
  const fallback = allowed[0];
  if (!fallback) throw new Error('a list needs at least one sort');
  if (requested === undefined) return fallback;
  const found = allowed.find((s) => s.name === requested);
  if (!found) {
    throw errors.badRequest(`Unknown sort "${requested}".`, [
      {
        path: '/query/sort',
        code: 'enum',
        message: `Sort must be one of: ${allowed.map((s) => s.name).join(', ')}.`,
      },
    ]);
  }
  return found;
}

export function keysetOf(
  allowed: readonly SortSpec[],
  query: { sort?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
): Keyset {
  const sort = resolveSort(allowed, query.sort);
  return { sort, after: decodeCursor(sort, query.cursor), limit: query.limit ?? DEFAULT_LIMIT };
}

/** The WHERE condition that starts after the cursor, or null on the first page. */
export function afterCursor(keyset: Keyset, idColumn: string): Expression<SqlBool> | null {
  if (!keyset.after) return null;
  const op = keyset.sort.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  return sql<SqlBool>`(${sql.ref(keyset.sort.column)}, ${sql.ref(idColumn)}) ${op} (${keyset.after.value}, ${keyset.after.id})`;
}

/** Rows fetched with `limit + 1` become a page and the cursor to continue from. */
export function toPage<Row, Item>(
  rows: Row[],
  keyset: Keyset,
  key: (row: Row) => { value: string | number; id: string },
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > keyset.limit;
  const pageRows = hasMore ? rows.slice(0, keyset.limit) : rows;
  const last = pageRows.at(-1);
  const nextCursor = hasMore && last ? encodeCursor(keyset.sort, key(last).value, key(last).id) : null;
  return { items: pageRows.map(toItem), nextCursor };
}

/** The columns `paginate` adds to each row: the sort value and id the next page's cursor is made of. */
export interface PageKey {
  page_sort_key: string | number | Date;
  page_id: string;
}

/** The sort value and id `paginate` selected into a row (Dates as the ISO text PostgreSQL compares). */
function pageKeyOf(row: object): { value: string | number; id: string } {
  const value: unknown = Reflect.get(row, 'page_sort_key');
  const id: unknown = Reflect.get(row, 'page_id');
  if (typeof id === 'string') {
    if (value instanceof Date) return { value: value.toISOString(), id };
    if (typeof value === 'string' || typeof value === 'number') return { value, id };
  }
  throw new Error('paginate: a row without the sort value and id it selected');
}

/**
 * One page of a list query: starts after the cursor, orders by the requested sort and then the id (in
 * the same direction, so equal sort values keep a stable order), fetches one row more than the page to
 * know whether another follows, and makes the next cursor from the last row's own sort value and id.
 * The sort is named once, in the list's `SortSpec`s; a list only adds its filters.
 */
export async function paginate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keyset: Keyset,
  idColumn: string,
) {
  const { column, direction } = keyset.sort;
  let q = query.select([
    sql<PageKey['page_sort_key']>`${sql.ref(column)}`.as('page_sort_key'),
    sql<string>`${sql.ref(idColumn)}`.as('page_id'),
  ]);
  const after = afterCursor(keyset, idColumn);
  if (after) q = q.where(after);
  const rows = await q
    .orderBy(sql.ref(column), direction)
    .orderBy(sql.ref(idColumn), direction)
    .limit(keyset.limit + 1)
    .execute();
  const page = toPage(rows, keyset, pageKeyOf, (row) => row);
  return { rows: page.items, nextCursor: page.nextCursor };
}
