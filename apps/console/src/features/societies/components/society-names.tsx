import { useQueries } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { errorStatus } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { societyQueryOptions } from '../api/get-society';

export interface SocietyName {
  id: string;
  /** Undefined while loading; null when the society no longer exists (or may not be seen). */
  name: string | null | undefined;
}

/** Resolves society ids to names through the shared detail cache, so each society is fetched once. */
export function useSocietyNames(ids: readonly string[]): SocietyName[] {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({ ...societyQueryOptions(id), staleTime: 60_000, retry: false })),
  });
  return unique.map((id, index) => {
    const result = results[index];
    if (result?.data) return { id, name: result.data.name };
    if (result?.isError && errorStatus(result.error) === 404) return { id, name: null };
    return { id, name: undefined };
  });
}

/** Society tags linking to each society page; the ids are only shown when a society is gone. */
export function SocietyNameTags({ ids, max = 3 }: { ids: readonly string[]; max?: number }) {
  const { t } = useI18n();
  const names = useSocietyNames(ids);
  if (ids.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const shown = names.slice(0, max);
  const hidden = names.slice(max);
  return (
    <Flex gap={4} wrap>
      {shown.map(({ id, name }) => (
        <Tag key={id} style={{ marginInlineEnd: 0, maxWidth: '100%', whiteSpace: 'normal' }}>
          {name === null ? (
            t('society.deletedName')
          ) : (
            <Link to={`/societies/${id}`} onClick={(event) => event.stopPropagation()}>
              {name ?? t('common.loading')}
            </Link>
          )}
        </Tag>
      ))}
      {hidden.length > 0 && (
        <Tag style={{ marginInlineEnd: 0 }} title={hidden.map(({ name }) => name ?? '').join('、')}>
          {t('society.more', { n: hidden.length })}
        </Tag>
      )}
    </Flex>
  );
}
