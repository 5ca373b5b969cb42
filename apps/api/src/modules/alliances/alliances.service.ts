import type { Selectable } from 'kysely';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { AlliancesTable } from '../../db/database';
import { errors } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { keysetOf } from '../../lib/pagination';
import type { Caller, SocietyScope } from '../../lib/request-context';
import { EVERY_SOCIETY } from '../../lib/society-scope';
import { type Trx, write } from '../../lib/write';
import { unreachableSocieties } from '../societies/societies.repository';
import * as repo from './alliances.repository';
import type {
  AllianceCreateSchema,
  AlliancePatchSchema,
  AllianceQuerySchema,
  AllianceSchema,
} from './alliances.schemas';

type Alliance = Static<typeof AllianceSchema>;
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
    const keyset = keysetOf(repo.ALLIANCE_SORTS, query);
    const { rows, nextCursor } = await repo.listAlliances(this.db, scope, query.societyId, keyset);
    const members = await repo.allianceMembers(
      this.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toAlliance(r, members.get(r.id) ?? [])), nextCursor };
  }

  private async load(db: DB | Trx, id: string, forUpdate = false, scope: SocietyScope = EVERY_SOCIETY) {
    const row = await repo.findAlliance(db, id, { forUpdate, scope });
    if (!row) throw errors.notFound('Alliance');
    return toAlliance(row, (await repo.allianceMembers(db, [id])).get(id) ?? []);
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
    const holder = await repo.findAllianceIdByName(db, name);
    if (holder && holder.id !== selfId) {
      throw errors.conflict('An alliance with this name exists.', [
        { path: '/body/name', code: 'name_taken', message: 'Choose another name.' },
      ]);
    }
  }

  async create({ context }: Caller, input: Static<typeof AllianceCreateSchema>): Promise<Alliance> {
    return write(this.db, context, async (trx, record) => {
      const name = input.name.trim();
      await this.assertNameFree(trx, name, null);
      const members = await this.membership(trx, input.leadSocietyId, input.memberSocietyIds ?? []);
      const id = uuidv7();
      const now = new Date();
      await repo.insertAlliance(trx, {
        id,
        name,
        leadSocietyId: input.leadSocietyId,
        description: input.description?.trim() || null,
        at: now,
      });
      await repo.replaceAllianceMembers(trx, id, members);
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
      assertVersion(before.version, expected);
      const name = input.name?.trim();
      if (name) await this.assertNameFree(trx, name, id);
      const lead = input.leadSocietyId ?? before.leadSocietyId;
      const members = await this.membership(trx, lead, input.memberSocietyIds ?? before.memberSocietyIds);
      await repo.updateAlliance(trx, id, {
        name,
        leadSocietyId: input.leadSocietyId,
        description: input.description === undefined ? undefined : input.description?.trim() || null,
      });
      await repo.replaceAllianceMembers(trx, id, members);
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
      assertVersion(before.version, expected);
      await repo.deleteAlliance(trx, id);
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
