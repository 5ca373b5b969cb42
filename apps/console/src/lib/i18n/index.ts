import type { Label } from '@society-hub/domain';
// The one module of the domain the entry chunk needs: not the package's index, which carries every rule.
import { resolvePlurals } from '@society-hub/domain/plural';
import { createContext, useContext } from 'react';
import type { Language } from './language';
import { isRegistered, lookup, registerMessages } from './registry';
import { type ShellKey, shellMessages } from './shell';

export { httpLanguage, type Language, readStoredLanguage, storeLanguage } from './language';
export { loadMessages, type Messages, messagesReady, registerMessages } from './registry';

/**
 * The key type of every dictionary, by name. Each dictionary adds its own from the module that holds it
 * (`declare module '@/lib/i18n'`), so `t()` checks its argument against all of them while this module
 * knows none of the features. The dictionaries themselves load with the code that shows them (see
 * `registry.ts`): a page module, or a part loaded on demand (`onDemand`), registers those of the words it
 * and its static imports show.
 */
export interface Dictionaries {
  shell: ShellKey;
}

export type MessageKey = Dictionaries[keyof Dictionaries];

// The words every page needs (buttons, errors, the sign-in page) come with this module.
registerMessages(shellMessages);

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const reported = new Set<string>();

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const template = lookup(language, key);
  if (template === undefined) {
    // A key whose dictionary the page (or on-demand part) showing it does not import: a bug, said once.
    if (!reported.has(key)) console.error(`i18n: no words for "${key}": import its dictionary where it is shown`);
    reported.add(key);
    return key;
  }
  if (!params) return template;
  // Plural forms first ({n, plural, one {# member} other {# members}}), then the plain placeholders.
  return resolvePlurals(language, template, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Whether `key` is a known key; only the dictionaries loaded so far count (see `MessageKey`). */
export function isMessageKey(key: string): key is MessageKey {
  return isRegistered(key);
}

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** Picks the reader's side of a `{ zh, en }` label from the domain package. */
  label: (label: Label) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <AppProvider>');
  return value;
}
