import { sql } from 'kysely';

/** A `LIKE`/`ILIKE` pattern matching `text` anywhere: `%` and `_` typed by a user are literal characters. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** A `LIKE` pattern matching values that start with `text`. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The societies an account or a machine client is bound to, as a column of the row that selects it
 * (`society_ids`, sorted, `{}` when none): every authenticated request loads its caller, so one round
 * trip instead of two.
 */
export function linkedSocietyIds(owner: 'users' | 'clients') {
  const [links, key] = owner === 'users' ? ['user_societies', 'user_id'] : ['client_societies', 'client_id'];
  return sql<string[]>`coalesce(
    (SELECT array_agg(l.society_id::text ORDER BY l.society_id) FROM ${sql.table(links)} l
     WHERE ${sql.ref(`l.${key}`)} = ${sql.ref(`${owner}.id`)}),
    '{}')`.as('society_ids');
}
