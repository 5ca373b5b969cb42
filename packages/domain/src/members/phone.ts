/**
 * The one rule for a member's or expert's phone number, used by the API's schemas, the console's forms and
 * the spreadsheet import: a mainland mobile (1[3-9] and 9 more digits, optionally after +86) or a landline
 * with its area code (010-12345678, 0571-8888888; the hyphen may be left out).
 */
const MOBILE = '(?:\\+?86[- ]?)?1[3-9]\\d{9}';
const LANDLINE = '0\\d{2,3}-?\\d{7,8}';

/** For JSON Schema `pattern`: the number exactly as stored (no spaces). */
export const PHONE_PATTERN = `^(?:${MOBILE}|${LANDLINE})$`;
export const PHONE = new RegExp(PHONE_PATTERN);

/** What a refused number should have looked like, in the words of the people who type them. */
export const PHONE_RULE =
  '手机号应为 1 开头、第二位为 3–9 的 11 位数字；固定电话须带区号，如 010-12345678、0571-8888888';

/** As typed: full-width digits and hyphens folded (１３８－…), spaces dropped. */
export function normalisePhone(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export function isPhone(text: string): boolean {
  return PHONE.test(normalisePhone(text));
}
