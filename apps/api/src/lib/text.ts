import { errors } from './errors';

/**
 * Text as the services keep it. The HTTP layer trims every string a route's schema declares
 * (lib/request-text.ts); these serve what reaches a service by other ways too (import rows, bulk
 * bodies, the demo data) and say what blank text means, once.
 *
 * A free-text field that must say something: trimmed, and `required` at the field's path when blank.
 */
export function requiredText(value: string, path: string, message: string): string {
  const text = value.trim();
  if (!text) throw errors.validation([{ path, code: 'required', message }]);
  return text;
}

/** An optional note: blanks (or none) are no note. */
export function optionalText(value: string | null | undefined): string | null {
  return clearedWhenBlank(value) ?? null;
}

/** A field a patch may clear: blank text clears it (null); not given (undefined) leaves it as it is. */
export function clearedWhenBlank(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const text = value.trim();
  return text === '' ? null : text;
}
