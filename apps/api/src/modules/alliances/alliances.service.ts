import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { AlliancesTable, Database } from '../../db/database';
import { errors } from '../../lib/errors';
import { keysetOf, paginate, type SortSpec } from '../../lib/pagination';
import type { Caller, SocietyScope } from '../../lib/request-context';
import { EVERY_SOCIETY, societiesReached } from '../../lib/society-scope';
import { type Trx, write } from '../../lib/write';
import { unreachableSocieties } from '../societies/societies.repository';
import type {
  AllianceCreateSchema,
  AlliancePatchSchema,
  AllianceQuerySchema,
  AllianceSchema,
} from './alliances.schemas';

type Alliance = Static<typeof AllianceSchema>;
const SORTS: readonly SortSpec[] = [{ name: 'name', column: 'alliances.name', direction: 'asc' }];

/** The alliance (of the outer query) has a member among these societies. */
function membersAmong(eb: ExpressionBuilder<Database, 'alliances'>, societies: readonly string[]) {
  return eb
    .selectFrom('alliance_members')
    .select('alliance_members.alliance_id')
    .whereRef('alliance_members.alliance_id', '=', 'alliances.id')
    .where('alliance_members.society_id', 'in', societies);
}

async function membersOf(db: DB | Trx, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (!ids.length) return map;
  const rows = await db.selectFrom('alliance_members').selectAll().where('alliance_id', 'in', ids).execute();
  for (const row of rows) map.get(row.alliance_id)?.push(row.society_id);
  return map;
}

function toAlliance(row: Selectable<AlliancesTable>, members: string[]): Alliance {
  return {
    id: row.id,
    name: row.name,
    leadSocietyId: row.lead_society_id,
    memberSocietyIds: [...members].sort(),
    description: row.description,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export class AllianceService {
  constructor(private readonly db: DB) {}

  async list(scope: SocietyScope, query: Static<typeof AllianceQuerySchema>) {
    const keyset = keysetOf(SORTS, query);
    let q = this.db.selectFrom('alliances').selectAll('alliances');
    const reached = societiesReached(scope);
    for (const societies of [query.societyId ? [query.societyId] : null, reached]) {
      if (societies) q = q.where((eb) => eb.exists(membersAmong(eb, societies)));
    }
    const { rows, nextCursor } = await paginate(q, keyset, 'alliances.id');
    const members = await membersOf(
      this.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toAlliance(r, members.get(r.id) ?? [])), nextCursor };
  }

  private async load(db: DB | Trx, id: string, forUpdate = false, scope: SocietyScope = EVERY_SOCIETY) {
    let q = db.selectFrom('alliances').selectAll().where('id', '=', id);
    const reached = societiesReached(scope);
    if (reached) q = q.where((eb) => eb.exists(membersAmong(eb, reached)));
    if (forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw errors.notFound('Alliance');
    return toAlliance(row, (await membersOf(db, [id])).get(id) ?? []);
  }

  get(scope: SocietyScope, id: string): Promise<Alliance> {
    return this.load(this.db, id, false, scope);
  }

  /** The member list as stored: the lead is always a member; every id must be a society. */
  private async membership(db: DB | Trx, lead: string, members: readonly string[]): Promise<string[]> {
    const all = [...new Set([lead, ...members])];
    const problems = [
      ...(await unreachableSocieties(db, EVERY_SOCIETY, [lead], '/body/leadSocietyId')),
      ...(await unreachableSocieties(db, EVERY_SOCIETY, members, '/body/memberSocietyIds')),
    ];
    if (problems.length) throw errors.validation(problems);
    return all;
  }

  private async assertNameFree(db: DB | Trx, name: string, selfId: string | null) {
    const holder = await db.selectFrom('alliances').select('id').where('name', '=', name).executeTakeFirst();
    if (holder && holder.id !== selfId) {
      throw errors.conflict('An alliance with this name exists.', [
        { path: '/body/name', code: 'name_taken', message: 'Choose another name.' },
      ]);
    }
  }

  private async setMembers(trx: Trx, id: string, members: string[]) {
    await trx.deleteFrom('alliance_members').where('alliance_id', '=', id).execute();
    await trx
      .insertInto('alliance_members')
      .values(members.map((societyId) => ({ alliance_id: id, society_id: societyId })))
      .execute();
  }

  async create({ context }: Caller, input: Static<typeof AllianceCreateSchema>): Promise<Alliance> {
    return write(this.db, context, async (trx, record) => {
      const name = input.name.trim();
      await this.assertNameFree(trx, name, null);
      const members = await this.membership(trx, input.leadSocietyId, input.memberSocietyIds ?? []);
      const id = uuidv7();
      const now = new Date();
      await trx
        .insertInto('alliances')
        .values({
          id,
          name,
          lead_society_id: input.leadSocietyId,
          description: input.description?.trim() || null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.setMembers(trx, id, members);
      const alliance = await this.load(trx, id);
      record({
        action: 'alliance.create',
        resourceType: 'alliance',
        resourceId: id,
        after: alliance,
        event: 'alliance.created',
      });
      return alliance;
    });
  }

  async update({ context }: Caller, id: string, expected: number | null, input: Static<typeof AlliancePatchSchema>) {
    return write(this.db, context, async (trx, record) => {
      const before = await this.load(trx, id, true);
      if (expected !== null && before.version !== expected) throw errors.preconditionFailed(before.version);
      const name = input.name?.trim();
      if (name) await this.assertNameFree(trx, name, id);
      const lead = input.leadSocietyId ?? before.leadSocietyId;
      const members = await this.membership(trx, lead, input.memberSocietyIds ?? before.memberSocietyIds);
      await trx
        .updateTable('alliances')
        .set((eb) => ({
          name,
          lead_society_id: input.leadSocietyId,
          description: input.description === undefined ? undefined : input.description?.trim() || null,
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('id', '=', id)
        .execute();
      await this.setMembers(trx, id, members);
      const alliance = await this.load(trx, id);
      record({
        action: 'alliance.update',
        resourceType: 'alliance',
        resourceId: id,
        before,
        after: alliance,
        event: 'alliance.updated',
      });
      return alliance;
    });
  }

  async remove({ context }: Caller, id: string, expected: number | null): Promise<void> {
    await write(this.db, context, async (trx, record) => {
      const before = await this.load(trx, id, true);
      if (expected !== null && before.version !== expected) throw errors.preconditionFailed(before.version);
      await trx.deleteFrom('alliances').where('id', '=', id).execute();
      record({
        action: 'alliance.delete',
        resourceType: 'alliance',
        resourceId: id,
        before,
        event: 'alliance.deleted',
      });
    });
  }
}
