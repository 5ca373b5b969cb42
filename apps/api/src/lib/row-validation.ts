import type { Static, TProperties, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { FieldError } from './errors';
import { BLANK_MESSAGE, trimDeclaredText } from './request-text';

/**
 * Validates rows of a bulk request against a named schema, so one bad row is reported on its own
 * instead of failing the whole request. Compiled once per schema: a batch checks a thousand rows, and
 * the interpreted `Value.Check` was most of an import's time.
 */
export interface RowValidator<Row> {
  check(row: unknown): row is Row;
  /** Field errors with paths relative to the row (`/name`); empty for a valid row. */
  errors(row: unknown): FieldError[];
}

/**
 * A row of a request is text from a client like any other: unless `asStored`, its declared strings
 * are trimmed in place before they are checked, as the validation layer does for a whole request
 * (lib/request-text.ts). A stored value is checked as it is.
 */
export function rowValidator<Context extends TProperties, Type extends TSchema>(
  context: Context,
  schema: Type,
  options: { asStored?: boolean } = {},
): RowValidator<Static<Type, Context>> {
  const compiled = Compile(context, schema);
  const lookup = (id: string): unknown => (Object.hasOwn(context, id) ? context[id] : undefined);
  // Where each row (trimmed in place by `check`) held text of blanks, for `errors` to call `required`.
  const blanksByRow = new WeakMap<object, Set<string>>();
  const blanksOf = (row: object): Set<string> => {
    const known = blanksByRow.get(row);
    if (known) return known;
    const blanks = new Set<string>();
    blanksByRow.set(row, blanks);
    return blanks;
  };
  const prepared = (row: unknown): unknown => {
    if (options.asStored || typeof row !== 'object' || row === null) return row;
    const blanks = blanksOf(row);
    return trimDeclaredText(schema, row, lookup, (path) => blanks.add(path));
  };
  return {
    check: (row): row is Static<Type, Context> => compiled.Check(prepared(row)),
    errors(raw) {
      const row = prepared(raw);
      const blanks = typeof raw === 'object' && raw !== null ? blanksOf(raw) : new Set<string>();
      if (compiled.Check(row)) return [];
      const out: FieldError[] = [];
      for (const error of compiled.Errors(row)) {
        // An unknown field is reported once, on the field itself.
        if (error.keyword === 'additionalProperties') continue;
        const unknownField = error.keyword === 'boolean';
        const path = error.instancePath || '/';
        if (out.some((e) => e.path === path)) continue;
        if (error.keyword === 'minLength' && blanks.has(path)) {
          out.push({ path, code: 'required', message: BLANK_MESSAGE });
          continue;
        }
        out.push({
          path,
          code: unknownField ? 'additionalProperties' : error.keyword,
          message: unknownField ? 'This field is not recognised.' : error.message,
        });
      }
      return out;
    },
  };
}
