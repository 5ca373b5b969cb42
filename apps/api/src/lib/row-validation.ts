import type { TProperties, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { FieldError } from './errors';

/**
 * Validates one row of a bulk request against a named schema, so one bad row is reported on its own
 * instead of failing the whole request. Paths are relative to the row (`/name`).
 */
export function rowErrors(context: TProperties, schema: TSchema, row: unknown): FieldError[] {
  if (Value.Check(context, schema, row)) return [];
  const out: FieldError[] = [];
  for (const error of Value.Errors(context, schema, row)) {
    // An unknown field is reported once, on the field itself.
    if (error.keyword === 'additionalProperties') continue;
    const unknownField = error.keyword === 'boolean';
    const path = error.instancePath || '/';
    if (out.some((e) => e.path === path)) continue;
    out.push({
      path,
      code: unknownField ? 'additionalProperties' : error.keyword,
      message: unknownField ? 'This field is not recognised.' : error.message,
    });
  }
  return out;
}
