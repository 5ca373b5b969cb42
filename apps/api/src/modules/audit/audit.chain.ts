import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json';

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the chain covers: every field of an audit row except `seq` and the hash itself. */
export interface ChainedFields {
  id: string;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  societyId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** SHA-256 over the previous row's hash and this row's canonical JSON: editing or removing any row breaks every later link. */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}
