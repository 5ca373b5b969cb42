import { EXPERT_POOLS, type ExpertPool } from '@society-hub/domain';
import { pageSizeOf } from '@/components/cursor-pager';
import type { ExpertExportFormat, ExpertExportQuery, ExpertListQuery, ExpertTitle } from '../api/types';

/** The pool page's filters live in the address, so a filtered list can be shared, reloaded and exported. */
export const EXPERT_TITLES: readonly ExpertTitle[] = ['senior', 'associate_senior'];
export type Availability = 'yes' | 'no';
export type FilterParam = 'pool' | 'title' | 'available' | 'q' | 'discipline' | 'limit';

export interface ExpertFilters {
  pool: ExpertPool | undefined;
  titleLevel: ExpertTitle | undefined;
  available: Availability | undefined;
  q: string;
  discipline: string;
  limit: number;
}

export function readExpertFilters(search: URLSearchParams): ExpertFilters {
  const available = search.get('available');
  return {
    pool: EXPERT_POOLS.find((value) => value === search.get('pool')),
    titleLevel: EXPERT_TITLES.find((value) => value === search.get('title')),
    available: available === 'yes' || available === 'no' ? available : undefined,
    q: search.get('q')?.trim() ?? '',
    discipline: search.get('discipline')?.trim() ?? '',
    limit: pageSizeOf(search.get('limit')),
  };
}

/** What the list and the export both filter on. */
function filterQuery(filters: ExpertFilters) {
  return {
    ...(filters.pool ? { pool: filters.pool } : {}),
    ...(filters.titleLevel ? { titleLevel: filters.titleLevel } : {}),
    ...(filters.available ? { available: filters.available === 'yes' } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.discipline ? { discipline: filters.discipline } : {}),
  };
}

export function expertListQuery(filters: ExpertFilters, cursor: string | undefined): ExpertListQuery {
  return { limit: filters.limit, ...filterQuery(filters), ...(cursor ? { cursor } : {}) };
}

export function expertExportQuery(filters: ExpertFilters, format: ExpertExportFormat): ExpertExportQuery {
  return { format, ...filterQuery(filters) };
}

export function hasExpertFilters(search: URLSearchParams): boolean {
  return ['pool', 'title', 'available', 'q', 'discipline'].some((name) => search.has(name));
}
