import { EXPERT_POOLS, type ExpertPool, localToday, maskPhone } from '@society-hub/domain';
import type { Selectable } from 'kysely';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { ExpertsTable } from '../../db/database';
import { type ImportReport, runImport } from '../../lib/bulk-import';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { keysetOf } from '../../lib/pagination';
import type { PersonalDataVault } from '../../lib/personal-data';
import type { Caller, SocietyScope } from '../../lib/request-context';
import { rowValidator } from '../../lib/row-validation';
import { EVERY_SOCIETY, inScope, reachedOf, replaceReached } from '../../lib/society-scope';
import { clearedWhenBlank } from '../../lib/text';
import { type Change, type Trx, write } from '../../lib/write';
import { idNumberColumns } from '../members/id-number-columns';
import { requireReachableSocieties } from '../societies/societies.repository';
import * as repo from './experts.repository';
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

/**
 * The Association's expert pools. A senior title (副高级 or above) is the entry condition, enforced by
 * the schema; society affiliations feed the funding module's conflict-of-interest checks.
 */
export class ExpertService {
  constructor(
    private readonly db: DB,
    private readonly vault: PersonalDataVault,
  ) {}

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
      phone: clearedWhenBlank(input.phone),
      email: clearedWhenBlank(input.email),
      employer: clearedWhenBlank(input.employer),
      title_level: input.titleLevel,
      disciplines: input.disciplines === undefined ? undefined : JSON.stringify(input.disciplines.map((d) => d.trim())),
      pools: input.pools === undefined ? undefined : JSON.stringify(input.pools),
      available: input.available,
      external_ref: clearedWhenBlank(input.externalRef),
    };
  }

  /**
   * The affiliations a body sets, as they will be stored. A caller bound to societies names only its
   * own (others are refused as unknown), keeps the expert affiliated with at least one of them (it
   * could not see the expert otherwise), and leaves the affiliations it cannot see as they were.
   */
  private async affiliations(
    db: DB | Trx,
    scope: SocietyScope,
    sent: readonly string[] | undefined,
    current: readonly string[],
  ): Promise<string[] | undefined> {
    if (sent?.length) await requireReachableSocieties(db, scope, sent, '/body/societyIds');
    if (scope.kind === 'all') return sent === undefined ? undefined : [...sent];
    const stored = replaceReached(scope, current, sent ?? reachedOf(scope, current));
    if (!stored.some((id) => inScope(scope, id))) {
      throw errors.validation([
        {
          path: '/body/societyIds',
          code: 'required',
          message: 'Name at least one of your societies: a bound caller keeps the experts of its own societies.',
        },
      ]);
    }
    return sent === undefined && current.length ? undefined : stored;
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
      const holder = await repo.findExpertIdBy(trx, column, value);
      if (holder && holder.id !== selfId) clashes.push({ path, code, message: 'This expert is already in the pool.' });
    }
    if (clashes.length) throw errors.conflict('The expert is already registered.', clashes);
  }

  /** An expert the scope reaches (one affiliated with a society of a bound caller), else 404. */
  private async load(db: DB | Trx, id: string, view: 'list' | 'detail', scope: SocietyScope, forUpdate = false) {
    const row = await repo.findExpert(db, id, scope, forUpdate);
    if (!row) throw errors.notFound('Expert');
    const societies = (await repo.expertAffiliations(db, [id])).get(id) ?? [];
    return { row, societies, expert: toExpert(row, reachedOf(scope, societies), view) };
  }

  async list(scope: SocietyScope, query: Static<typeof ExpertListQuerySchema>) {
    const keyset = keysetOf(repo.EXPERT_SORTS, query);
    const { rows, nextCursor } = await repo.listExperts(this.db, scope, query, keyset);
    const societies = await repo.expertAffiliations(
      this.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toExpert(r, reachedOf(scope, societies.get(r.id) ?? []), 'list')), nextCursor };
  }

  /** Society names by id, for the export; a society that is gone keeps its id. */
  async societyNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await repo.societyNamesOf(this.db, unique);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async get(scope: SocietyScope, id: string): Promise<Expert> {
    return (await this.load(this.db, id, 'detail', scope)).expert;
  }

  private async insert(
    trx: Trx,
    record: (c: Change) => void,
    scope: SocietyScope,
    input: Static<typeof ExpertCreateSchema>,
    columns: ReturnType<ExpertService['prepare']>,
  ) {
    await this.assertUnique(trx, columns, null);
    const societyIds = (await this.affiliations(trx, scope, input.societyIds, [])) ?? [];
    const now = new Date();
    const id = uuidv7();
    await repo.insertExpert(trx, {
      ...columns,
      id,
      name: input.name.trim(),
      title_level: input.titleLevel,
      disciplines: JSON.stringify(input.disciplines),
      pools: JSON.stringify(input.pools),
      created_at: now,
      updated_at: now,
    });
    await repo.replaceExpertAffiliations(trx, id, societyIds);
    const { expert } = await this.load(trx, id, 'list', EVERY_SOCIETY);
    record({ action: 'expert.create', resourceType: 'expert', resourceId: id, after: expert, event: 'expert.created' });
    return id;
  }

  async create({ principal, context }: Caller, input: Static<typeof ExpertCreateSchema>): Promise<Expert> {
    const columns = this.prepare(input, undefined);
    const id = await write(this.db, context, (trx, record) =>
      this.insert(trx, record, principal.scope, input, columns),
    );
    return this.get(principal.scope, id);
  }

  async update(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    input: Static<typeof ExpertPatchSchema>,
  ): Promise<Expert> {
    await write(this.db, context, async (trx, record) => {
      const { row: current, societies } = await this.load(trx, id, 'list', principal.scope, true);
      assertVersion(current.version, expected);
      const before = toExpert(current, societies, 'list');
      const columns = this.prepare(input, current);
      await this.assertUnique(trx, columns, id);
      const societyIds = await this.affiliations(trx, principal.scope, input.societyIds, societies);
      await repo.updateExpert(trx, id, columns);
      if (societyIds) await repo.replaceExpertAffiliations(trx, id, societyIds);
      const { expert } = await this.load(trx, id, 'list', EVERY_SOCIETY);
      record({
        action: 'expert.update',
        resourceType: 'expert',
        resourceId: id,
        before,
        after: expert,
        event: 'expert.updated',
      });
    });
    return this.get(principal.scope, id);
  }

  /** Bulk import with the same rules as the members' import (matched by external reference, else ID number). */
  async import(
    { principal, context }: Caller,
    request: { rows: unknown[]; dryRun?: boolean | undefined },
  ): Promise<ImportReport> {
    const scope = principal.scope;
    return runImport(request.rows, request.dryRun === true, {
      validator: IMPORT_ROW,
      prepare: (row) => this.prepare(row, undefined),
      identities: (columns) => [
        ...(columns.external_ref ? [{ key: `ref:${columns.external_ref}`, path: '/externalRef' }] : []),
        ...(columns.id_number_hash ? [{ key: `id:${columns.id_number_hash}`, path: '/idNumber' }] : []),
      ],
      apply: (row, columns, dryRun) =>
        write(this.db, context, async (trx, record) => {
          const current = await repo.lockImportedExpert(trx, {
            externalRef: columns.external_ref,
            idNumberHash: columns.id_number_hash,
          });
          if (!current) {
            if (dryRun) {
              await this.affiliations(trx, scope, row.societyIds, []);
              return { outcome: 'created' as const };
            }
            return { outcome: 'created' as const, id: await this.insert(trx, record, scope, row, columns) };
          }
          const sameId = columns.id_number_hash !== undefined && columns.id_number_hash === current.id_number_hash;
          const societies = (await repo.expertAffiliations(trx, [current.id])).get(current.id) ?? [];
          // An expert a bound caller cannot see is not its to change (nor to learn more of).
          if (!societies.some((id) => inScope(scope, id)) && scope.kind === 'some') {
            throw errors.conflict('The expert is already registered.', [
              { path: '/body/idNumber', code: 'already_expert', message: 'This expert is already in the pool.' },
            ]);
          }
          const stored = await this.affiliations(trx, scope, row.societyIds, societies);
          const changes = Object.entries(columns).filter(([key, value]) => {
            if (value === undefined || (sameId && key.startsWith('id_number_'))) return false;
            const existing = current[key as keyof ExpertRow];
            return key === 'disciplines' || key === 'pools' ? JSON.stringify(existing) !== value : existing !== value;
          });
          const societiesChanged = stored !== undefined && [...stored].sort().join() !== [...societies].sort().join();
          if (!changes.length && !societiesChanged) return { outcome: 'unchanged' as const, id: current.id };
          if (dryRun) return { outcome: 'updated' as const, id: current.id };
          const before = toExpert(current, societies, 'list');
          await this.assertUnique(trx, columns, current.id);
          await repo.updateExpert(trx, current.id, Object.fromEntries(changes));
          if (societiesChanged && stored) await repo.replaceExpertAffiliations(trx, current.id, stored);
          const { expert } = await this.load(trx, current.id, 'list', EVERY_SOCIETY);
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
