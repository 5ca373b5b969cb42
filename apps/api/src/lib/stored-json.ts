import type { Static, TProperties, TSchema } from 'typebox';
import { rowValidator } from './row-validation';

/**
 * A reader for a jsonb column: the value is checked against the schema it was written with, so a
 * corrupt row fails loudly here instead of leaking a wrong shape into a response.
 */
export function storedJson<Context extends TProperties, Type extends TSchema>(
  context: Context,
  schema: Type,
  what: string,
): (value: unknown) => Static<Type, Context> {
  const validator = rowValidator(context, schema, { asStored: true });
  return (value) => {
    if (validator.check(value)) return value;
    const first = validator.errors(value)[0];
    throw new Error(`stored ${what} does not match its schema at ${first?.path ?? '/'}: ${first?.message ?? ''}`);
  };
}
