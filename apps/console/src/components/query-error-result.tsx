import { Button, Result } from 'antd';
import { errorStatus } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { problemMessage } from '@/lib/problem-message';

export interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
  /** What to call a missing record on this page; a 404 then shows just that. */
  notFoundTitle?: string;
}

export function QueryErrorResult({ error, onRetry, notFoundTitle }: QueryErrorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const status = errorStatus(error);
  return (
    <Result
      status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
      title={status === 404 ? (notFoundTitle ?? t('common.notFound')) : t('common.error')}
      subTitle={status === 404 && notFoundTitle ? undefined : problemMessage(error, i18n)}
      extra={
        onRetry && status !== 404 && status !== 403 ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined
      }
    />
  );
}

/** antd's Result itself, for `Result` in `query-error.tsx`. */
export { Result };
