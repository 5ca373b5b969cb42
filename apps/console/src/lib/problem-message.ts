import { type I18n, isMessageKey, type MessageKey } from '@/lib/i18n';
import { isApiError } from './api-client';

const HAN = /\p{Script=Han}/u;

/**
 * The message to show for a failed request. The server's own words are used when they are in the
 * reader's language; otherwise a known problem code is translated here, so no English leaks into the
 * Chinese interface. `byCode` gives a screen its own wording for a code (e.g. a failed sign-in).
 */
export function problemMessage(
  error: unknown,
  { t, language }: Pick<I18n, 't' | 'language'>,
  byCode: Partial<Record<string, MessageKey>> = {},
): string {
  if (!isApiError(error)) return t('problem.network');
  const { code, detail, title } = error.problem;
  const serverText = detail ?? title;
  if (language === 'en' || HAN.test(serverText)) return serverText;
  const own = byCode[code];
  if (own) return t(own);
  const key = `problem.${code}`;
  return isMessageKey(key) ? t(key) : serverText;
}

/** A field error's message, translated by its code when the server's words are not in the reader's language. */
export function fieldMessage(
  issue: { code: string; message: string },
  { t, language }: Pick<I18n, 't' | 'language'>,
): string {
  if (language === 'en' || HAN.test(issue.message)) return issue.message;
  const key = `field.${issue.code}`;
  return isMessageKey(key) ? t(key) : t('field.invalid');
}
