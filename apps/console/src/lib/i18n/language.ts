/** The interface's languages: Chinese, the default, and English. */
export type Language = 'zh' | 'en';

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
