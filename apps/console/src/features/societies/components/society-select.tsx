import type { SocietyStatus } from '@society-hub/domain';
import { Select, Spin } from 'antd';
import { useI18n } from '@/lib/i18n';
import { useSearchAsYouType } from '@/lib/use-search-as-you-type';
import { useSocieties } from '../api/get-societies';
import { useSocietyNames } from './society-names';

interface SocietySelectProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/** Several societies chosen by name: the server searches as the user types, the ids are what is kept. */
export function SocietySelect({ value = [], onChange, placeholder, id, ...rest }: SocietySelectProps) {
  const { t } = useI18n();
  const search = useSearchAsYouType();
  const found = useSocieties({ sort: 'name', limit: 20, ...(search.q ? { q: search.q } : {}) });
  const chosen = useSocietyNames(value);
  const options = new Map<string, string>();
  for (const { id: societyId, name } of chosen) {
    options.set(societyId, name ?? (name === null ? t('society.deletedName') : t('common.loading')));
  }
  if (!search.settling) for (const society of found.data?.items ?? []) options.set(society.id, society.name);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: search.onSearch }}
      value={value}
      onChange={(next) => {
        search.onSearch('');
        onChange?.(next);
      }}
      placeholder={placeholder ?? t('society.select.placeholder')}
      notFoundContent={search.settling || found.isFetching ? <Spin size="small" /> : t('society.select.empty')}
      options={[...options].map(([societyId, name]) => ({ value: societyId, label: name }))}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}

/** One society chosen by name, searched on the server as the user types. */
export function OneSocietySelect({
  value,
  onChange,
  id,
  testId,
  status,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  testId?: string;
  /** Offer only societies in this state (e.g. active ones for a proposal). */
  status?: SocietyStatus;
}) {
  const { t } = useI18n();
  const search = useSearchAsYouType();
  const found = useSocieties({
    sort: 'name',
    limit: 20,
    ...(search.q ? { q: search.q } : {}),
    ...(status ? { status } : {}),
  });
  const chosen = useSocietyNames(value ? [value] : []);
  const options = new Map<string, string>();
  for (const { id: societyId, name } of chosen) options.set(societyId, name ?? t('common.loading'));
  if (!search.settling) for (const society of found.data?.items ?? []) options.set(society.id, society.name);
  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: search.onSearch }}
      value={value}
      onChange={(next) => onChange?.(next)}
      placeholder={t('society.select.placeholder')}
      notFoundContent={search.settling || found.isFetching ? <Spin size="small" /> : t('society.select.empty')}
      options={[...options].map(([societyId, name]) => ({ value: societyId, label: name }))}
      data-testid={testId}
    />
  );
}
