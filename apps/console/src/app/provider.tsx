import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
// The ES builds: `antd/locale/*` re-exports the CommonJS ones, a second copy of every locale in the entry.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorStatus, setApiLanguage } from '@/lib/api-client';
import {
  httpLanguage,
  type I18n,
  I18nContext,
  type Language,
  loadMessages,
  readStoredLanguage,
  storeLanguage,
  translate,
} from '@/lib/i18n';
import { restoreSession } from '@/lib/session';
import { usePrefersReducedMotion } from '@/lib/use-reduced-motion';

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

/**
 * The text style antd's App gives its children. App itself (with message, notification and Modal) is
 * rendered by the signed-in layout: the sign-in and public pages do not use it, and it is heavy.
 */
const BASE_TEXT = {
  color: 'rgba(0, 0, 0, 0.88)',
  fontSize: 14,
  lineHeight: 1.5714285714285714,
  fontFamily: FONT_FAMILY,
};

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          const status = errorStatus(error);
          if (status !== undefined && status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}

function applyLanguage(language: Language): void {
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  setApiLanguage(httpLanguage(language));
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

/** The reader's language; `main.tsx` loads its words before the first render. */
export const initialLanguage = readStoredLanguage();
applyLanguage(initialLanguage);

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    void restoreSession();
  }, []);

  /** The language last asked for, and the one on screen (what to go back to if the other fails to load). */
  const asked = useRef<Language>(initialLanguage);
  const shown = useRef<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    asked.current = next;
    // Switch only once the words are there (English is fetched the first time), so the whole interface
    // changes at once and no key shows meanwhile; a later choice made while loading wins.
    loadMessages(next).then(
      () => {
        if (asked.current !== next) return;
        shown.current = next;
        applyLanguage(next);
        storeLanguage(next);
        setLanguageState(next);
      },
      (error: unknown) => {
        if (asked.current !== next) return;
        asked.current = shown.current;
        void loadMessages(shown.current);
        console.error('i18n: the words of the chosen language could not be loaded', error);
      },
    );
  }, []);

  const i18n = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, params) => translate(language, key, params),
      label: (label) => label[language],
    }),
    [language, setLanguage],
  );

  const reducedMotion = usePrefersReducedMotion();

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider
        locale={language === 'zh' ? zhCN : enUS}
        button={{ autoInsertSpace: false }}
        theme={{
          token: {
            colorPrimary: '#1d5fbf',
            borderRadius: 4,
            fontFamily: FONT_FAMILY,
            motion: !reducedMotion,
          },
          components: {
            Layout: { headerBg: '#ffffff', siderBg: '#001529' },
          },
        }}
      >
        <div style={BASE_TEXT}>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </div>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
