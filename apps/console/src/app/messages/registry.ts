/**
 * The interface's words, gathered as pages load. Each feature's dictionary is a module that registers
 * itself here when a page that shows the feature imports it: its Chinese (the default) comes with the
 * page's code, its English is fetched only once the reader chooses English. So the entry chunk holds
 * neither the other features' words nor any English, and switching still changes every word at once,
 * because nothing is switched before the English of every registered dictionary has arrived.
 */
import type { Language } from './language';

type Dictionary<K extends string> = Readonly<Record<K, string>>;

interface Registration {
  load: () => Promise<void>;
  /** Set while loading and once loaded; cleared when loading failed, so the next attempt fetches again. */
  loading: Promise<void> | undefined;
}

const words: Record<Language, Record<string, string>> = { zh: {}, en: {} };
const registrations: Registration[] = [];
/** The language the interface shows or is about to show; pages wait for its words before they render. */
let wanted: Language = 'zh';

export function registerMessages<K extends string>(
  zh: Dictionary<K>,
  en: () => Promise<{ default: Dictionary<K> }>,
): void {
  Object.assign(words.zh, zh);
  registrations.push({
    load: () =>
      en().then((module) => {
        Object.assign(words.en, module.default);
      }),
    loading: undefined,
  });
}

function load(registration: Registration): Promise<void> {
  registration.loading ??= registration.load().catch((error: unknown) => {
    registration.loading = undefined;
    throw error;
  });
  return registration.loading;
}

/** Resolves once every dictionary registered so far has the wanted language's words. */
export function messagesReady(): Promise<void> {
  if (wanted === 'zh') return Promise.resolve();
  return Promise.all(registrations.map(load)).then(() => undefined);
}

/** Makes `language` the wanted one and resolves once its words are there. */
export function loadMessages(language: Language): Promise<void> {
  wanted = language;
  return messagesReady();
}

/** The words for `key`; Chinese while a page's English is still missing, `undefined` for an unknown key. */
export function lookup(language: Language, key: string): string | undefined {
  return (language === 'en' ? words.en[key] : undefined) ?? words.zh[key];
}

export function isRegistered(key: string): boolean {
  return Object.hasOwn(words.zh, key);
}
