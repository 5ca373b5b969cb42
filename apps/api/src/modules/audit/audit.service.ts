import type { Selectable } from 'kysely';
import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import type { AuditLogTable } from '../../db/database';
import { keysetOf, paginate, type SortSpec } from '../../lib/pagination';
import { prefixPattern } from '../../lib/sql';
import { type ChainedFields, chainHash, GENESIS_HASH } from './audit.chain';
import type { AuditEntrySchema, AuditQuerySchema, AuditVerificationSchema } from './audit.schemas';

type AuditRow = Selectable<AuditLogTable>;
type AuditEntry = Static<typeof AuditEntrySchema>;

const AUDIT_SORTS: readonly SortSpec[] = [{ name: '-seq', column: 'seq', direction: 'desc' }];
const VERIFY_BATCH = 1000;

function actorKind(kind: string): AuditEntry['actor']['kind'] {
  return kind === 'user' || kind === 'client' ? kind : 'system';
}

function chainedFields(row: AuditRow): ChainedFields {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    societyId: row.society_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    ip: row.ip,
  };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at.toISOString(),
    actor: { kind: actorKind(row.actor_kind), id: row.actor_id, name: row.actor_name },
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    societyId: row.society_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    ip: row.ip,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export class AuditService {
  constructor(private readonly db: DB) {}

  async list(query: Static<typeof AuditQuerySchema>) {
    const keyset = keysetOf(AUDIT_SORTS, query);
    let q = this.db.selectFrom('audit_log').selectAll();
    if (query.resourceType) q = q.where('resource_type', '=', query.resourceType);
    if (query.resourceId) q = q.where('resource_id', '=', query.resourceId);
    if (query.actorId) q = q.where('actor_id', '=', query.actorId);
    if (query.societyId) q = q.where('society_id', '=', query.societyId);
    if (query.action?.endsWith('*')) {
      q = q.where('action', 'like', prefixPattern(query.action.slice(0, -1)));
    } else if (query.action) {
      q = q.where('action', '=', query.action);
    }
    if (query.from) q = q.where('at', '>=', new Date(`${query.from}T00:00:00+08:00`));
    if (query.to) q = q.where('at', '<', new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000));
    const { rows, nextCursor } = await paginate(q, keyset, 'id');
    return { items: rows.map(toEntry), nextCursor };
  }

  /**
   * Walks the whole chain in order and recomputes every hash. An edited row fails its own hash; a
   * removed row leaves the next row pointing at a hash that is not its predecessor's.
   */
  async verify(): Promise<Static<typeof AuditVerificationSchema>> {
    let prevHash = GENESIS_HASH;
    let prevSeq: number | null = null;
    let checked = 0;
    for (;;) {
      let query = this.db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').limit(VERIFY_BATCH);
      if (prevSeq !== null) query = query.where('seq', '>', prevSeq);
      const rows = await query.execute();
      for (const row of rows) {
        const broken = (reason: 'altered' | 'missing_before', detail: string) => ({
          ok: false,
          checked,
          headSeq: prevSeq,
          headHash: prevHash,
          brokenAt: { seq: row.seq, reason, detail },
        });
        if (row.prev_hash !== prevHash) {
          return broken(
            'missing_before',
            'The entry does not point at the one before it: an entry was removed or replaced.',
          );
        }
        if (chainHash(prevHash, chainedFields(row)) !== row.hash) {
          return broken('altered', 'The entry’s content does not match its hash: it was changed after it was written.');
        }
        prevHash = row.hash;
        prevSeq = row.seq;
        checked += 1;
      }
      if (rows.length < VERIFY_BATCH) break;
    }
    return { ok: true, checked, headSeq: prevSeq, headHash: checked ? prevHash : null, brokenAt: null };
  }
}
