import type { Selectable } from 'kysely';
import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import type { AuditLogTable } from '../../db/database';
import { keysetOf } from '../../lib/pagination';
import { type ChainedFields, chainHash, GENESIS_HASH } from './audit.chain';
import { AUDIT_SORTS, auditEntriesAfter, listAuditEntries } from './audit.repository';
import type { AuditEntrySchema, AuditQuerySchema, AuditVerificationSchema } from './audit.schemas';

type AuditRow = Selectable<AuditLogTable>;
type AuditEntry = Static<typeof AuditEntrySchema>;

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
    const filters = {
      resourceType: query.resourceType,
      resourceId: query.resourceId,
      actorId: query.actorId,
      societyId: query.societyId,
      action: query.action,
      from: query.from ? new Date(`${query.from}T00:00:00+08:00`) : undefined,
      before: query.to ? new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
    };
    const { rows, nextCursor } = await listAuditEntries(this.db, filters, keyset);
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
      const rows = await auditEntriesAfter(this.db, prevSeq, VERIFY_BATCH);
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
