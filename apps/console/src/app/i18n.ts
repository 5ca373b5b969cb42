import type { Label } from '@society-hub/domain';
// The one module of the domain the entry chunk needs: not the package's index, which carries every rule.
import { resolvePlurals } from '@society-hub/domain/plural';
import { createContext, useContext } from 'react';
import type { AdminKey } from './messages/admin';
import type { AlliancesKey } from './messages/alliances';
import type { AuditKey } from './messages/audit';
import type { CalendarKey } from './messages/calendar';
import type { DashboardKey } from './messages/dashboard';
import type { DirectoryKey } from './messages/directory';
import type { FundingKey } from './messages/funding';
import type { FundingPanelsKey } from './messages/funding-panels';
import type { GovernanceKey } from './messages/governance';
import type { IntegrationKey } from './messages/integration';
import type { LabelsKey } from './messages/labels';
import type { Language } from './messages/language';
import type { LayoutKey } from './messages/layout';
import type { MembersKey } from './messages/members';
import type { NoticesKey } from './messages/notices';
import type { PasswordKey } from './messages/password';
import type { PilotsKey } from './messages/pilots';
import { isRegistered, lookup } from './messages/registry';
import type { ReviewQueueKey } from './messages/review-queue';
import type { ReviewsKey } from './messages/reviews';
import type { ShellKey } from './messages/shell';
import type { SocietiesKey } from './messages/societies';
import './messages/shell';

export type { Language } from './messages/language';
export { loadMessages, messagesReady } from './messages/registry';

/**
 * Every key of every dictionary, so `t()` checks its argument against all of them. The dictionaries
 * themselves load with the code that shows them (see `messages/registry.ts`): a page module, or a part
 * loaded on demand (`onDemand`), imports those of the words it and its static imports show.
 */
export type MessageKey =
  | ShellKey
  | PasswordKey
  | LayoutKey
  | LabelsKey
  | SocietiesKey
  | GovernanceKey
  | AdminKey
  | AuditKey
  | AlliancesKey
  | MembersKey
  | FundingKey
  | FundingPanelsKey
  | ReviewsKey
  | ReviewQueueKey
  | NoticesKey
  | CalendarKey
  | DashboardKey
  | PilotsKey
  | IntegrationKey
  | DirectoryKey;

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

const STORAGE_KEY = 'society-hub.language';

export function readStoredLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or disabled storage: the choice simply lasts for this visit.
  }
}

/** The `Accept-Language` the API should answer in. */
export function httpLanguage(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
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
