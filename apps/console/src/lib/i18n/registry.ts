/**
 * The interface's words, gathered as pages load. Each dictionary (`Messages`) sits next to the code
 * that shows it, in its feature; the page or part that shows it registers it (`registerMessages`): its Chinese (the default) comes with the
 * page's code, its English is fetched only once the reader chooses English. So the entry chunk holds
 * neither the other features' words nor any English, and switching still changes every word at once,
 * because nothing is switched before the English of every registered dictionary has arrived.
 */
import type { Language } from './language';

type Dictionary<K extends string> = Readonly<Record<K, string>>;

/**
 * A dictionary: its Chinese, and how to fetch its English (whose keys must be the Chinese's). Inert data
 * until a page or part registers it; each dictionary module declares its own with `satisfies Messages<Key>`.
 */
export interface Messages<K extends string = string> {
  readonly zh: Dictionary<K>;
  readonly en: () => Promise<{ default: Dictionary<K> }>;
}

interface Registration {
  load: () => Promise<void>;
  /** Set while loading and once loaded; cleared when loading failed, so the next attempt fetches again. */
  loading: Promise<void> | undefined;
}

const words: Record<Language, Record<string, string>> = { zh: {}, en: {} };
const registrations = new Map<Messages, Registration>();
/** The language the interface shows or is about to show; pages wait for its words before they render. */
let wanted: Language = 'zh';

/**
 * Makes dictionaries' words available, called at the top of the page or on-demand part that shows them
 * (before it renders, since its module runs first). Registering one again does nothing.
 */
export function registerMessages(...dictionaries: Messages[]): void {
  for (const messages of dictionaries) {
    if (registrations.has(messages)) continue;
    Object.assign(words.zh, messages.zh);
    registrations.set(messages, {
      load: () =>
        messages.en().then((module) => {
          Object.assign(words.en, module.default);
        }),
      loading: undefined,
    });
  }
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
  return Promise.all([...registrations.values()].map(load)).then(() => undefined);
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
