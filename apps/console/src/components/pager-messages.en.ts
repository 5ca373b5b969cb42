import type { PagerKey } from './pager-messages';

/** The English of `pager-messages.ts`, fetched only once the reader chooses English. */
const en: Record<PagerKey, string> = {
  'common.prevPage': 'Previous',
  'common.nextPage': 'Next',
  'common.firstPage': 'First page',
  'common.pageSize': '{n} per page',
  'common.pageNo': 'Page {n}',
};

export default en;
