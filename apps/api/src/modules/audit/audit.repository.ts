import type { DB } from '../../db/connect';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import { prefixPattern } from '../../lib/sql';

export const AUDIT_SORTS: readonly SortSpec[] = [{ name: '-seq', column: 'seq', direction: 'desc' }];

export interface AuditFilters {
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  actorId?: string | undefined;
  societyId?: string | undefined;
  /** An exact action, or a prefix ending in `*`. */
  action?: string | undefined;
  /** From this instant on. */
  from?: Date | undefined;
  /** Before this instant. */
  before?: Date | undefined;
}

export async function listAuditEntries(db: DB, filters: AuditFilters, keyset: Keyset) {
  let q = db.selectFrom('audit_log').selectAll();
  if (filters.resourceType) q = q.where('resource_type', '=', filters.resourceType);
  if (filters.resourceId) q = q.where('resource_id', '=', filters.resourceId);
  if (filters.actorId) q = q.where('actor_id', '=', filters.actorId);
  if (filters.societyId) q = q.where('society_id', '=', filters.societyId);
  if (filters.action?.endsWith('*')) {
    q = q.where('action', 'like', prefixPattern(filters.action.slice(0, -1)));
  } else if (filters.action) {
    q = q.where('action', '=', filters.action);
  }
  if (filters.from) q = q.where('at', '>=', filters.from);
  if (filters.before) q = q.where('at', '<', filters.before);
  return paginate(q, keyset, 'id');
}

/** The next `limit` entries of the chain in order, after `afterSeq` (from the start when null). */
export async function auditEntriesAfter(db: DB, afterSeq: number | null, limit: number) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').limit(limit);
  if (afterSeq !== null) query = query.where('seq', '>', afterSeq);
  return query.execute();
}
