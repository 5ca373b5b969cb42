import { errors } from '../../lib/errors';

/**
 * A free-text field that must say something. The schemas ask for at least one character, which
 * spaces satisfy; what is stored is trimmed, so a reason of blanks would be kept as nothing at all.
 * Like the other modules, the service trims and refuses with `required` at the field's path.
 */
export function requiredText(value: string, path: string, message: string): string {
  const text = value.trim();
  if (!text) throw errors.validation([{ path, code: 'required', message }]);
  return text;
}

/** An optional note: blanks are no note. */
export function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}
