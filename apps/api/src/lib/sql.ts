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
