import { API_SCOPES, type ApiScope } from '@society-hub/domain';
import type { Selectable } from 'kysely';
import type { DB } from '../../db/connect';
import type { ClientsTable } from '../../db/database';
import { type Keyset, paginate, type SortSpec } from '../../lib/pagination';
import { linkedSocietyIds } from '../../lib/sql';
import type { Trx } from '../../lib/write';

type Executor = DB | Trx;

export interface ClientRecord {
  id: string;
  name: string;
  secretHash: string;
  scopes: ApiScope[];
  department: string | null;
  disabled: boolean;
  version: number;
  societyIds: string[];
  createdAt: Date;
  updatedAt: Date;
  secretRotatedAt: Date;
}

/** Scopes as stored; a scope the code no longer knows is dropped rather than granted. */
function knownScopes(value: unknown): ApiScope[] {
  if (!Array.isArray(value)) return [];
  return API_SCOPES.filter((scope) => value.includes(scope));
}

export const CLIENT_SORTS: readonly SortSpec[] = [{ name: '-createdAt', column: 'created_at', direction: 'desc' }];

async function societiesOf(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const links = await db.selectFrom('client_societies').selectAll().where('client_id', 'in', ids).execute();
  for (const link of links) map.get(link.client_id)?.push(link.society_id);
  return map;
}

function toRecord(row: Selectable<ClientsTable>, societyIds: string[]): ClientRecord {
  return {
    id: row.id,
    name: row.name,
    secretHash: row.secret_hash,
    scopes: knownScopes(row.scopes),
    department: row.department,
    disabled: row.disabled,
    version: row.version,
    societyIds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    secretRotatedAt: row.secret_rotated_at,
  };
}

export async function findClient(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('clients').selectAll().select(linkedSocietyIds('clients')).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const { society_ids, ...client } = row;
  return toRecord(client, society_ids);
}

export async function listClients(db: Executor, keyset: Keyset) {
  const { rows, nextCursor } = await paginate(db.selectFrom('clients').selectAll(), keyset, 'id');
  const societies = await societiesOf(
    db,
    rows.map((r) => r.id),
  );
  return { records: rows.map((row) => toRecord(row, societies.get(row.id) ?? [])), nextCursor };
}

export async function insertClient(
  trx: Trx,
  client: { id: string; name: string; secretHash: string; scopes: ApiScope[]; department: string | null },
) {
  const now = new Date();
  await trx
    .insertInto('clients')
    .values({
      id: client.id,
      name: client.name,
      secret_hash: client.secretHash,
      scopes: JSON.stringify(client.scopes),
      department: client.department,
      created_at: now,
      updated_at: now,
      secret_rotated_at: now,
    })
    .execute();
}

export async function updateClient(
  trx: Trx,
  id: string,
  changes: { name?: string; scopes?: ApiScope[]; department?: string | null; disabled?: boolean; secretHash?: string },
) {
  const now = new Date();
  await trx
    .updateTable('clients')
    .set((eb) => ({
      name: changes.name,
      scopes: changes.scopes === undefined ? undefined : JSON.stringify(changes.scopes),
      department: changes.department,
      disabled: changes.disabled,
      secret_hash: changes.secretHash,
      secret_rotated_at: changes.secretHash === undefined ? undefined : now,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}

export async function setClientSocieties(trx: Trx, clientId: string, societyIds: string[]) {
  await trx.deleteFrom('client_societies').where('client_id', '=', clientId).execute();
  if (societyIds.length) {
    await trx
      .insertInto('client_societies')
      .values(societyIds.map((societyId) => ({ client_id: clientId, society_id: societyId })))
      .execute();
  }
}
