import { EXPERT_POOLS, type ExpertPool, maskPhone } from '@society-hub/domain';
import { type Selectable, sql } from 'kysely';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { ExpertsTable } from '../../db/database';
import { type ImportReport, runImport } from '../../lib/bulk-import';
import { errors, type FieldError } from '../../lib/errors';
import { localToday } from '../../lib/local-date';
import { afterCursor, keysetOf, type SortSpec, toPage } from '../../lib/pagination';
import type { PersonalDataVault } from '../../lib/personal-data';
import type { Caller } from '../../lib/request-context';
import { rowValidator } from '../../lib/row-validation';
import { containsPattern } from '../../lib/sql';
import { type Change, type Trx, write } from '../../lib/write';
import { idNumberColumns } from '../members/id-number-columns';
import { existingSocietyIds } from '../users/users.repository';
import {
  ExpertCreateSchema,
  type ExpertListQuerySchema,
  type ExpertPatchSchema,
  ExpertPoolSchema,
  type ExpertSchema,
  ExpertTitleSchema,
} from './experts.schemas';

type Expert = Static<typeof ExpertSchema>;
type ExpertRow = Selectable<ExpertsTable>;
type Input = Static<typeof ExpertCreateSchema> | Static<typeof ExpertPatchSchema>;

const SORTS: readonly SortSpec[] = [{ name: 'name', column: 'experts.name', direction: 'asc' }];
/** An import row is an ExpertCreate (with the named schemas it refers to). */
const IMPORT_ROW = rowValidator({ ExpertPool: ExpertPoolSchema, ExpertTitle: ExpertTitleSchema }, ExpertCreateSchema);

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
const pools = (value: unknown): ExpertPool[] => EXPERT_POOLS.filter((p) => strings(value).includes(p));

function toExpert(row: ExpertRow, societyIds: string[], view: 'list' | 'detail'): Expert {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    phone: row.phone && view === 'list' ? maskPhone(row.phone) : row.phone,
    email: row.email,
    employer: row.employer,
    titleLevel: row.title_level,
    disciplines: strings(row.disciplines),
    pools: pools(row.pools),
    societyIds: [...societyIds].sort(),
    available: row.available,
    externalRef: row.external_ref,
    idNumberMasked: row.id_number_masked,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const blankToNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();

/**
 * The Association's expert pools. A senior title (副高级 or above) is the entry condition, enforced by
 * the schema; society affiliations feed the funding module's conflict-of-interest checks.
 */
export class ExpertService {
  constructor(
    private readonly db: DB,
    private readonly vault: PersonalDataVault,
  ) {}

  private async societiesOf(db: DB | Trx, ids: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (!ids.length) return map;
    const links = await db.selectFrom('expert_societies').selectAll().where('expert_id', 'in', ids).execute();
    for (const link of links) map.get(link.expert_id)?.push(link.society_id);
    return map;
  }

  private prepare(input: Input, current: ExpertRow | undefined) {
    const fieldErrors: FieldError[] = [];
    const sealed = idNumberColumns(
      this.vault,
      input.idNumber,
      input.birthDate === undefined ? (current?.birth_date ?? null) : input.birthDate,
      localToday(),
    );
    fieldErrors.push(...sealed.errors);
    if (input.birthDate && input.birthDate > localToday()) {
      fieldErrors.push({ path: '/body/birthDate', code: 'in_future', message: 'The date cannot be in the future.' });
    }
    if (fieldErrors.length) throw errors.validation(fieldErrors);
    return {
      ...(sealed.columns ?? {}),
      name: input.name?.trim(),
      gender: input.gender,
      birth_date: input.birthDate !== undefined || sealed.columns ? sealed.birthDate : undefined,
      phone: blankToNull(input.phone),
      email: blankToNull(input.email),
      employer: blankToNull(input.employer),
      title_level: input.titleLevel,
      disciplines: input.disciplines === undefined ? undefined : JSON.stringify(input.disciplines.map((d) => d.trim())),
      pools: input.pools === undefined ? undefined : JSON.stringify(input.pools),
      available: input.available,
      external_ref: blankToNull(input.externalRef),
    };
  }

  private async checkSocieties(db: DB | Trx, ids: readonly string[] | undefined) {
    if (!ids?.length) return;
    const known = await existingSocietyIds(db, ids);
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length) {
      throw errors.validation(
        unknown.map((id) => ({
          path: '/body/societyIds',
          code: 'unknown_society',
          message: `No society has the id ${id}.`,
        })),
      );
    }
  }

  private async assertUnique(
    trx: Trx,
    columns: { external_ref?: string | null; id_number_hash?: string | null },
    selfId: string | null,
  ) {
    const clashes: FieldError[] = [];
    for (const [column, path, code] of [
      ['external_ref', '/body/externalRef', 'external_ref_taken'],
      ['id_number_hash', '/body/idNumber', 'already_expert'],
    ] as const) {
      const value = columns[column];
      if (!value) continue;
      const holder = await trx.selectFrom('experts').select('id').where(column, '=', value).executeTakeFirst();
      if (holder && holder.id !== selfId) clashes.push({ path, code, message: 'This expert is already in the pool.' });
    }
    if (clashes.length) throw errors.conflict('The expert is already registered.', clashes);
  }

  private async load(db: DB | Trx, id: string, view: 'list' | 'detail', forUpdate = false) {
    let q = db.selectFrom('experts').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw errors.notFound('Expert');
    return { row, expert: toExpert(row, (await this.societiesOf(db, [id])).get(id) ?? [], view) };
  }

  async list(query: Static<typeof ExpertListQuerySchema>) {
    const keyset = keysetOf(SORTS, query);
    let q = this.db.selectFrom('experts').selectAll('experts');
    if (query.pool) q = q.where(sql<boolean>`experts.pools @> ${JSON.stringify([query.pool])}::jsonb`);
    if (query.discipline)
      q = q.where(sql<boolean>`experts.disciplines @> ${JSON.stringify([query.discipline])}::jsonb`);
    if (query.titleLevel) q = q.where('experts.title_level', '=', query.titleLevel);
    if (query.available !== undefined) q = q.where('experts.available', '=', query.available);
    if (query.societyId) {
      const societyId = query.societyId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('expert_societies')
            .select('expert_societies.expert_id')
            .whereRef('expert_societies.expert_id', '=', 'experts.id')
            .where('expert_societies.society_id', '=', societyId),
        ),
      );
    }
    if (query.q) {
      const pattern = containsPattern(query.q.trim());
      q = q.where((eb) => eb.or([eb('experts.name', 'ilike', pattern), eb('experts.employer', 'ilike', pattern)]));
    }
    const after = afterCursor(keyset, 'experts.id');
    if (after) q = q.where(after);
    const rows = await q
      .orderBy('experts.name')
      .orderBy('experts.id')
      .limit(keyset.limit + 1)
      .execute();
    const societies = await this.societiesOf(
      this.db,
      rows.map((r) => r.id),
    );
    return toPage(
      rows,
      keyset,
      (r) => ({ value: r.name, id: r.id }),
      (r) => toExpert(r, societies.get(r.id) ?? [], 'list'),
    );
  }

  /** Society names by id, for the export; a society that is gone keeps its id. */
  async societyNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.db.selectFrom('societies').select(['id', 'name']).where('id', 'in', unique).execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async get(id: string): Promise<Expert> {
    return (await this.load(this.db, id, 'detail')).expert;
  }

  private async insert(
    trx: Trx,
    record: (c: Change) => void,
    input: Static<typeof ExpertCreateSchema>,
    columns: ReturnType<ExpertService['prepare']>,
  ) {
    await this.assertUnique(trx, columns, null);
    await this.checkSocieties(trx, input.societyIds);
    const now = new Date();
    const id = uuidv7();
    await trx
      .insertInto('experts')
      .values({
        ...columns,
        id,
        name: input.name.trim(),
        title_level: input.titleLevel,
        disciplines: JSON.stringify(input.disciplines),
        pools: JSON.stringify(input.pools),
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (input.societyIds?.length) {
      await trx
        .insertInto('expert_societies')
        .values(input.societyIds.map((societyId) => ({ expert_id: id, society_id: societyId })))
        .execute();
    }
    const { expert } = await this.load(trx, id, 'list');
    record({ action: 'expert.create', resourceType: 'expert', resourceId: id, after: expert, event: 'expert.created' });
    return id;
  }

  async create({ context }: Caller, input: Static<typeof ExpertCreateSchema>): Promise<Expert> {
    const columns = this.prepare(input, undefined);
    const id = await write(this.db, context, (trx, record) => this.insert(trx, record, input, columns));
    return this.get(id);
  }

  async update(
    { context }: Caller,
    id: string,
    expected: number | null,
    input: Static<typeof ExpertPatchSchema>,
  ): Promise<Expert> {
    await write(this.db, context, async (trx, record) => {
      const { row: current, expert: before } = await this.load(trx, id, 'list', true);
      if (expected !== null && current.version !== expected) throw errors.preconditionFailed(current.version);
      const columns = this.prepare(input, current);
      await this.assertUnique(trx, columns, id);
      await this.checkSocieties(trx, input.societyIds);
      await trx
        .updateTable('experts')
        .set((eb) => ({ ...columns, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', id)
        .execute();
      if (input.societyIds) {
        await trx.deleteFrom('expert_societies').where('expert_id', '=', id).execute();
        if (input.societyIds.length) {
          await trx
            .insertInto('expert_societies')
            .values(input.societyIds.map((societyId) => ({ expert_id: id, society_id: societyId })))
            .execute();
        }
      }
      const { expert } = await this.load(trx, id, 'list');
      record({
        action: 'expert.update',
        resourceType: 'expert',
        resourceId: id,
        before,
        after: expert,
        event: 'expert.updated',
      });
    });
    return this.get(id);
  }

  /** Bulk import with the same rules as the members' import (matched by external reference, else ID number). */
  async import({ context }: Caller, request: { rows: unknown[]; dryRun?: boolean | undefined }): Promise<ImportReport> {
    return runImport(request.rows, request.dryRun === true, {
      validator: IMPORT_ROW,
      prepare: (row) => this.prepare(row, undefined),
      identities: (columns) => [
        ...(columns.external_ref ? [{ key: `ref:${columns.external_ref}`, path: '/externalRef' }] : []),
        ...(columns.id_number_hash ? [{ key: `id:${columns.id_number_hash}`, path: '/idNumber' }] : []),
      ],
      apply: (row, columns, dryRun) =>
        write(this.db, context, async (trx, record) => {
          let q = trx.selectFrom('experts').selectAll();
          if (columns.external_ref) q = q.where('external_ref', '=', columns.external_ref);
          else if (columns.id_number_hash) q = q.where('id_number_hash', '=', columns.id_number_hash);
          else q = q.where(sql<boolean>`false`);
          const current = await q.forUpdate().executeTakeFirst();
          if (!current) {
            if (dryRun) return { outcome: 'created' as const };
            return { outcome: 'created' as const, id: await this.insert(trx, record, row, columns) };
          }
          const sameId = columns.id_number_hash !== undefined && columns.id_number_hash === current.id_number_hash;
          const societies = (await this.societiesOf(trx, [current.id])).get(current.id) ?? [];
          const changes = Object.entries(columns).filter(([key, value]) => {
            if (value === undefined || (sameId && key.startsWith('id_number_'))) return false;
            const existing = current[key as keyof ExpertRow];
            return key === 'disciplines' || key === 'pools' ? JSON.stringify(existing) !== value : existing !== value;
          });
          const societiesChanged =
            row.societyIds !== undefined && [...row.societyIds].sort().join() !== [...societies].sort().join();
          if (!changes.length && !societiesChanged) return { outcome: 'unchanged' as const, id: current.id };
          if (dryRun) return { outcome: 'updated' as const, id: current.id };
          const before = toExpert(current, societies, 'list');
          await this.assertUnique(trx, columns, current.id);
          await this.checkSocieties(trx, row.societyIds);
          await trx
            .updateTable('experts')
            .set((eb) => ({ ...Object.fromEntries(changes), version: eb('version', '+', 1), updated_at: new Date() }))
            .where('id', '=', current.id)
            .execute();
          if (societiesChanged && row.societyIds) {
            await trx.deleteFrom('expert_societies').where('expert_id', '=', current.id).execute();
            if (row.societyIds.length) {
              await trx
                .insertInto('expert_societies')
                .values(row.societyIds.map((societyId) => ({ expert_id: current.id, society_id: societyId })))
                .execute();
            }
          }
          const { expert } = await this.load(trx, current.id, 'list');
          record({
            action: 'expert.import',
            resourceType: 'expert',
            resourceId: current.id,
            before,
            after: expert,
            event: 'expert.updated',
          });
          return { outcome: 'updated' as const, id: current.id };
        }),
    });
  }
}
