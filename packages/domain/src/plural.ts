/**
 * Plural forms in message templates, for the console's dictionaries (and anything else that words a
 * count): a module of its own, with no imports, so the console's entry chunk can take it without the
 * rest of the domain.
 */
const pluralRules: Record<string, Intl.PluralRules> = {};

function rulesFor(language: string): Intl.PluralRules {
  pluralRules[language] ??= new Intl.PluralRules(language);
  return pluralRules[language];
}

/**
 * A count with its English noun in the right number — "1 member", "2 members", "0 supervisors" — for
 * the API's English messages and explanations (Intl.PluralRules, so never "1 members" or "member(s)").
 */
export function countOf(n: number, one: string, other = `${one}s`): string {
  return `${n} ${rulesFor('en').select(n) === 'one' ? one : other}`;
}

const PLURAL = /\{(\w+), plural,((?: *(?:=\d+|[a-z]+) *\{[^{}]*\})+) *\}/g;
const BRANCH = /(=\d+|[a-z]+) *\{([^{}]*)\}/g;

/**
 * Resolves the plural forms of a message template for `language` (a BCP 47 tag such as 'en' or 'zh'):
 * `{n, plural, one {# member} other {# members}}` becomes "1 member" or "3 members", the branch chosen
 * by `=N` first, then by Intl.PluralRules, then `other`; `#` is the number. Other placeholders are
 * left for the caller to fill. A parameter that is not a number leaves the template as it is.
 */
export function resolvePlurals(
  language: string,
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    const value = params[name];
    const n = typeof value === 'number' ? value : Number(value);
    if (value === undefined || !Number.isFinite(n)) return whole;
    const branches = new Map([...body.matchAll(BRANCH)].map((m) => [m[1] ?? '', m[2] ?? '']));
    const chosen = branches.get(`=${n}`) ?? branches.get(rulesFor(language).select(n)) ?? branches.get('other');
    return chosen === undefined ? whole : chosen.replace(/#/g, String(n));
  });
}
