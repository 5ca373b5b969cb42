import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { errorStatus, setApiLanguage } from '@/lib/api-client';
import { restoreSession } from '@/lib/session';
import {
  httpLanguage,
  type I18n,
  I18nContext,
  type Language,
  readStoredLanguage,
  storeLanguage,
  translate,
} from './i18n';

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

const initialLanguage = readStoredLanguage();
applyLanguage(initialLanguage);

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    void restoreSession();
  }, []);

  const setLanguage = useCallback((next: Language) => {
    applyLanguage(next);
    storeLanguage(next);
    setLanguageState(next);
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

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider
        locale={language === 'zh' ? zhCN : enUS}
        button={{ autoInsertSpace: false }}
        theme={{
          token: {
            colorPrimary: '#1d5fbf',
            borderRadius: 4,
            fontFamily:
              "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
          },
          components: {
            Layout: { headerBg: '#ffffff', siderBg: '#001529' },
          },
        }}
      >
        <AntApp>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
