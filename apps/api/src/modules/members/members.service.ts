import {
  checkCreditCode,
  localToday,
  maskPhone,
  newMemberStanding,
  normaliseCreditCode,
  youthBornAfter,
} from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { type BatchRowResult, type PreparedRow, runImport } from '../../lib/bulk-import';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { MEMBER } from '../../lib/lifecycles';
import { keysetOf } from '../../lib/pagination';
import type { PersonalDataVault } from '../../lib/personal-data';
import type { Caller, Principal } from '../../lib/request-context';
import { rowValidator } from '../../lib/row-validation';
import { inScope } from '../../lib/society-scope';
import { clearedWhenBlank } from '../../lib/text';
import { checkMove, recordMove, type TransitionRequest } from '../../lib/transitions';
import { type Change, type Trx, write } from '../../lib/write';
import { requireSociety } from '../societies/societies.repository';
import { idNumberColumns } from './id-number-columns';
import * as repo from './members.repository';
import type {
  DuesCreateSchema,
  DuesSchema,
  MemberListQuerySchema,
  MemberPatchSchema,
  MemberSchema,
  MembershipListSchema,
} from './members.schemas';
import {
  type ImportResponseSchema,
  MemberCategorySchema,
  MemberCreateSchema,
  MemberStatusSchema,
  TitleLevelSchema,
} from './members.schemas';

type Member = Static<typeof MemberSchema>;
type Input = Static<typeof MemberCreateSchema> | Static<typeof MemberPatchSchema>;
type Columns = ReturnType<MemberService['prepare']>;

/** An import row is a MemberCreate (with the named schemas it refers to). */
const IMPORT_ROW = rowValidator(
  { TitleLevel: TitleLevelSchema, MemberCategory: MemberCategorySchema, MemberStatus: MemberStatusSchema },
  MemberCreateSchema,
);

/**
 * The columns a row would change on an existing member. A re-sealed ID number is no change when it is
 * the same number (same match hash), so importing a file twice changes nothing.
 */
function changedColumns(current: repo.MemberRow, columns: Columns): Partial<Columns> {
  const changed: Record<string, unknown> = {};
  const sameId = columns.id_number_hash !== undefined && columns.id_number_hash === current.id_number_hash;
  for (const [key, value] of Object.entries(columns)) {
    if (value === undefined) continue;
    if (sameId && key.startsWith('id_number_')) continue;
    if (current[key as keyof repo.MemberRow] !== value) changed[key] = value;
  }
  return changed as Partial<Columns>;
}

/** The row of a member entering the register, for one recorded by hand or a row of an import alike. */
function newMemberRow(
  societyId: string,
  input: Static<typeof MemberCreateSchema>,
  columns: Partial<repo.NewMemberRow>,
  now: Date,
): repo.NewMemberRow {
  const standing = newMemberStanding(input, localToday(now));
  return {
    ...columns,
    id: uuidv7(),
    society_id: societyId,
    kind: input.kind,
    name: input.name.trim(),
    status: standing.status,
    joined_on: standing.joinedOn,
    created_at: now,
    updated_at: now,
  };
}

/**
 * The public form of a member. Lists mask the phone too; the ID number is masked everywhere (the
 * sealed value never leaves the database), and audit rows get the list form.
 */
export function toMember(row: repo.MemberRow, view: 'list' | 'detail'): Member {
  return {
    id: row.id,
    societyId: row.society_id,
    kind: row.kind,
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    phone: row.phone && view === 'list' ? maskPhone(row.phone) : row.phone,
    email: row.email,
    employer: row.employer,
    titleLevel: row.title_level,
    discipline: row.discipline,
    degree: row.degree,
    category: row.category,
    orgCreditCode: row.org_credit_code,
    contactPerson: row.contact_person,
    externalRef: row.external_ref,
    joinedOn: row.joined_on,
    idNumberMasked: row.id_number_masked,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export class MemberService {
  constructor(
    private readonly db: DB,
    private readonly vault: PersonalDataVault,
  ) {}

  /** Field checks beyond the schema, and the ID number sealed, hashed and masked. */
  private prepare(input: Input, current: repo.MemberRow | undefined) {
    const fieldErrors: FieldError[] = [];
    const on = localToday();
    const sealed = idNumberColumns(
      this.vault,
      input.idNumber,
      input.birthDate === undefined ? (current?.birth_date ?? null) : input.birthDate,
      on,
    );
    fieldErrors.push(...sealed.errors);
    const idColumns = sealed.columns;
    const birthDate = sealed.birthDate;
    for (const field of ['birthDate', 'joinedOn'] as const) {
      const value = input[field];
      if (value && value > on)
        fieldErrors.push({ path: `/body/${field}`, code: 'in_future', message: 'The date cannot be in the future.' });
    }
    let orgCreditCode: string | null | undefined;
    if (input.orgCreditCode) {
      orgCreditCode = normaliseCreditCode(input.orgCreditCode);
      for (const issue of checkCreditCode(orgCreditCode).filter(
        (i) => i.code !== 'credit_code_not_social_organisation',
      )) {
        fieldErrors.push({ path: '/body/orgCreditCode', code: issue.code, message: issue.message });
      }
    } else if (input.orgCreditCode === null) {
      orgCreditCode = null;
    }
    if (fieldErrors.length) throw errors.validation(fieldErrors);
    return {
      ...(idColumns ?? {}),
      name: input.name?.trim(),
      gender: input.gender,
      // Given, or derived from a newly given ID number.
      birth_date: input.birthDate !== undefined || idColumns ? birthDate : undefined,
      phone: clearedWhenBlank(input.phone),
      email: clearedWhenBlank(input.email),
      employer: clearedWhenBlank(input.employer),
      title_level: input.titleLevel,
      discipline: clearedWhenBlank(input.discipline),
      degree: clearedWhenBlank(input.degree),
      category: input.category,
      org_credit_code: orgCreditCode,
      contact_person: clearedWhenBlank(input.contactPerson),
      external_ref: clearedWhenBlank(input.externalRef),
      joined_on: input.joinedOn,
    };
  }

  /** One person once per society: by external reference, or by ID number. */
  private async assertUnique(
    trx: Trx,
    societyId: string,
    columns: { id_number_hash?: string | null; external_ref?: string | null },
    selfId: string | null,
  ) {
    const clashes: FieldError[] = [];
    if (columns.external_ref) {
      const holder = await repo.memberIdWithExternalRef(trx, societyId, columns.external_ref);
      if (holder && holder !== selfId)
        clashes.push({
          path: '/body/externalRef',
          code: 'external_ref_taken',
          message: 'Another member has this reference.',
        });
    }
    if (columns.id_number_hash) {
      const holder = await repo.memberIdWithIdNumber(trx, societyId, columns.id_number_hash);
      if (holder && holder !== selfId)
        clashes.push({
          path: '/body/idNumber',
          code: 'already_member',
          message: 'This person is already a member of the society.',
        });
    }
    if (clashes.length) throw errors.conflict('The member is already registered.', clashes);
  }

  /**
   * Bulk import: every row is validated, matched (external reference, else ID number) and written on
   * its own, so a bad row never blocks the others and nothing is left half-written; importing the same
   * rows again reports them unchanged.
   */
  async import(
    { principal, context }: Caller,
    societyId: string,
    request: { rows: unknown[]; dryRun?: boolean | undefined },
  ): Promise<Static<typeof ImportResponseSchema>> {
    await requireSociety(this.db, principal.scope, societyId);
    return runImport(request.rows, request.dryRun === true, {
      validator: IMPORT_ROW,
      prepare: (row) => this.prepare(row, undefined),
      identities: (columns) => [
        ...(columns.external_ref ? [{ key: `ref:${columns.external_ref}`, path: '/externalRef' }] : []),
        ...(columns.id_number_hash ? [{ key: `id:${columns.id_number_hash}`, path: '/idNumber' }] : []),
      ],
      apply: (row, columns, dryRun) => this.importRow(context, societyId, row, columns, dryRun),
      applyBatch: (items, dryRun) => this.importBatch(context, societyId, items, dryRun),
    });
  }

  /**
   * The set-based form of `importRow` for a whole batch: one lookup of every match, one multi-row
   * INSERT, the updates, and the audit rows, in one transaction — the same decisions row by row.
   */
  private async importBatch(
    context: Caller['context'],
    societyId: string,
    items: readonly PreparedRow<Static<typeof MemberCreateSchema>, Columns>[],
    dryRun: boolean,
  ): Promise<Map<number, BatchRowResult>> {
    return write(this.db, context, async (trx, record) => {
      const refs = items.flatMap((i) => (i.prepared.external_ref ? [i.prepared.external_ref] : []));
      const hashes = items.flatMap((i) => (i.prepared.id_number_hash ? [i.prepared.id_number_hash] : []));
      const existing = await repo.lockImportMatches(trx, societyId, refs, hashes);
      const byRef = new Map(existing.flatMap((m) => (m.external_ref ? [[m.external_ref, m] as const] : [])));
      // Who holds each ID number as the rows are decided in order, so that a later row sees what an
      // earlier one changed, exactly as one by one. (The statements then run inserts first; should that
      // order trip a unique index, the batch rolls back and runs row by row.)
      const byId = new Map(existing.map((m) => [m.id, m]));
      const holderOf = new Map(existing.flatMap((m) => (m.id_number_hash ? [[m.id_number_hash, m.id] as const] : [])));
      const claim = (id: string, previous: string | null | undefined, next: string | null | undefined) => {
        if (previous) holderOf.delete(previous);
        if (next) holderOf.set(next, id);
      };
      const alreadyMember = errors.conflict('The member is already registered.', [
        { path: '/body/idNumber', code: 'already_member', message: 'This person is already a member of the society.' },
      ]);

      const results = new Map<number, BatchRowResult>();
      const inserts: { index: number; values: repo.NewMemberRow }[] = [];
      const updates: { index: number; current: repo.MemberRow; changes: Partial<Columns> }[] = [];
      const now = new Date();
      for (const { index, row, prepared: columns } of items) {
        const hash = columns.id_number_hash;
        const current = columns.external_ref
          ? byRef.get(columns.external_ref)
          : hash
            ? byId.get(holderOf.get(hash) ?? '')
            : undefined;
        if (!current) {
          if (hash && holderOf.has(hash)) {
            results.set(index, alreadyMember);
          } else if (dryRun) {
            results.set(index, { outcome: 'created' });
          } else {
            const values = newMemberRow(societyId, row, columns, now);
            inserts.push({ index, values });
            claim(values.id, undefined, columns.id_number_hash);
          }
          continue;
        }
        const changes = changedColumns(current, columns);
        const holder = changes.id_number_hash ? holderOf.get(changes.id_number_hash) : undefined;
        if (Object.keys(changes).length === 0) results.set(index, { outcome: 'unchanged', id: current.id });
        else if (holder && holder !== current.id) results.set(index, alreadyMember);
        else if (dryRun) results.set(index, { outcome: 'updated', id: current.id });
        else {
          updates.push({ index, current, changes });
          if (changes.id_number_hash !== undefined) claim(current.id, current.id_number_hash, changes.id_number_hash);
        }
      }

      const created = await repo.insertMembers(
        trx,
        inserts.map((i) => i.values),
      );
      const createdById = new Map(created.map((m) => [m.id, m]));
      for (const { index, values } of inserts) {
        const member = createdById.get(values.id);
        if (!member) throw new Error('inserted member not returned');
        record({
          action: 'member.import',
          resourceType: 'member',
          resourceId: member.id,
          societyId,
          after: toMember(member, 'list'),
          event: 'member.created',
        });
        results.set(index, { outcome: 'created', id: member.id });
      }
      for (const { index, current, changes } of updates) {
        await this.importUpdate(trx, record, current, changes);
        results.set(index, { outcome: 'updated', id: current.id });
      }
      return results;
    });
  }

  /** An imported row's changes to an existing member, with its audit row and event. */
  private async importUpdate(
    trx: Trx,
    record: (change: Change) => void,
    current: repo.MemberRow,
    changes: Partial<Columns>,
  ): Promise<void> {
    const updated = await repo.updateMember(trx, current.id, changes);
    record({
      action: 'member.import',
      resourceType: 'member',
      resourceId: current.id,
      societyId: current.society_id,
      before: toMember(current, 'list'),
      after: toMember(updated, 'list'),
      event: 'member.updated',
    });
  }

  private async importRow(
    context: Caller['context'],
    societyId: string,
    row: Static<typeof MemberCreateSchema>,
    columns: Columns,
    dryRun: boolean,
  ): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; id?: string }> {
    const run = async (trx: Trx, record: (change: Change) => void) => {
      const current = await repo.lockImportMatch(trx, societyId, columns);
      if (!current) {
        if (dryRun) return { outcome: 'created' as const };
        await this.assertUnique(trx, societyId, columns, null);
        const now = new Date();
        const created = await repo.insertMember(trx, newMemberRow(societyId, row, columns, now));
        record({
          action: 'member.import',
          resourceType: 'member',
          resourceId: created.id,
          societyId,
          after: toMember(created, 'list'),
          event: 'member.created',
        });
        return { outcome: 'created' as const, id: created.id };
      }
      const changes = changedColumns(current, columns);
      if (Object.keys(changes).length === 0) return { outcome: 'unchanged' as const, id: current.id };
      if (dryRun) return { outcome: 'updated' as const, id: current.id };
      await this.assertUnique(trx, societyId, { ...columns, ...changes }, current.id);
      await this.importUpdate(trx, record, current, changes);
      return { outcome: 'updated' as const, id: current.id };
    };
    return write(this.db, context, run);
  }

  async list(principal: Principal, societyId: string, query: Static<typeof MemberListQuerySchema>) {
    await requireSociety(this.db, principal.scope, societyId);
    const keyset = keysetOf(repo.MEMBER_SORTS, query);
    const cutoff = youthBornAfter(localToday());
    const filters: repo.MemberFilters = {
      status: query.status,
      category: query.category,
      titleLevel: query.titleLevel,
      kind: query.kind,
      bornAfter: query.youth === true ? cutoff : undefined,
      bornOnOrBefore: query.youth === false ? cutoff : undefined,
      q: query.q,
    };
    const { rows, nextCursor } = await repo.listMembers(this.db, societyId, filters, keyset);
    return { items: rows.map((row) => toMember(row, 'list')), nextCursor };
  }

  /** A member the caller may reach (their society in scope), else 404. */
  private async find(db: DB | Trx, principal: Principal, id: string, forUpdate = false): Promise<repo.MemberRow> {
    const row = await repo.findMember(db, id, { forUpdate });
    if (!row || !inScope(principal.scope, row.society_id)) throw errors.notFound('Member');
    return row;
  }

  /**
   * The same person in other societies: by the ID number's match hash, else — when either side has no
   * ID number — by name, birth date and phone together. Only societies the caller may see are listed
   * (an officer learns nothing about societies outside their own).
   */
  async memberships(principal: Principal, id: string): Promise<Static<typeof MembershipListSchema>> {
    const self = await this.find(this.db, principal, id);
    if (self.kind !== 'individual') return { items: [] };
    const details =
      self.birth_date !== null && self.phone !== null
        ? { name: self.name, birthDate: self.birth_date, phone: self.phone }
        : null;
    if (!self.id_number_hash && !details) return { items: [] };
    const rows = await repo.otherMemberships(this.db, principal.scope, {
      memberId: self.id,
      societyId: self.society_id,
      idNumberHash: self.id_number_hash,
      details,
    });
    return {
      items: rows.map((r) => ({
        memberId: r.id,
        societyId: r.society_id,
        societyName: r.society_name,
        status: r.status,
        category: r.category,
        joinedOn: r.joined_on,
        matchedBy:
          self.id_number_hash && r.id_number_hash === self.id_number_hash ? 'id_number' : 'name_birth_date_phone',
      })),
    };
  }

  async get(principal: Principal, id: string): Promise<Member> {
    return toMember(await this.find(this.db, principal, id), 'detail');
  }

  async create(
    { principal, context }: Caller,
    societyId: string,
    input: Static<typeof MemberCreateSchema>,
  ): Promise<Member> {
    const columns = this.prepare(input, undefined);
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      await this.assertUnique(trx, societyId, columns, null);
      const now = new Date();
      const row = await repo.insertMember(trx, newMemberRow(societyId, input, columns, now));
      record({
        action: 'member.create',
        resourceType: 'member',
        resourceId: row.id,
        societyId,
        after: toMember(row, 'list'),
        event: 'member.created',
      });
      return toMember(row, 'detail');
    });
  }

  async update(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    input: Static<typeof MemberPatchSchema>,
  ): Promise<Member> {
    return write(this.db, context, async (trx, record) => {
      const current = await this.find(trx, principal, id, true);
      assertVersion(current.version, expected);
      const columns = this.prepare(input, current);
      await this.assertUnique(trx, current.society_id, columns, id);
      const row = await repo.updateMember(trx, id, columns);
      record({
        action: 'member.update',
        resourceType: 'member',
        resourceId: id,
        societyId: row.society_id,
        before: toMember(current, 'list'),
        after: toMember(row, 'list'),
        event: 'member.updated',
      });
      return toMember(row, 'detail');
    });
  }

  async transition(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    request: TransitionRequest,
  ): Promise<Member> {
    return write(this.db, context, async (trx, record) => {
      const current = await this.find(trx, principal, id, true);
      const move = checkMove(MEMBER, principal, { ...current, societyId: current.society_id }, request, expected);
      const { from, to } = move;
      if (from === 'lapsed' && to === 'active') {
        const year = Number(localToday().slice(0, 4));
        if (!(await repo.duesRecorded(trx, id, year))) {
          throw errors.ruleViolation(
            `Record the ${year} dues first: a lapsed membership comes back when they are paid.`,
            [{ path: '/body/to', code: 'dues_unpaid', message: `No dues recorded for ${year}.` }],
          );
        }
      }
      const row = await repo.updateMember(trx, id, {
        status: to,
        joined_on: to === 'active' && !current.joined_on ? localToday() : current.joined_on,
      });
      await recordMove(trx, context.actor, record, MEMBER, { id, societyId: row.society_id }, move, {
        before: toMember(current, 'list'),
        after: toMember(row, 'list'),
      });
      return toMember(row, 'detail');
    });
  }

  async dues(principal: Principal, id: string) {
    await this.find(this.db, principal, id);
    const rows = await repo.listDues(this.db, id);
    return { items: rows.map(toDues), nextCursor: null };
  }

  async recordDues({ principal, context }: Caller, id: string, input: Static<typeof DuesCreateSchema>) {
    if (input.paidOn > localToday()) {
      throw errors.validation([
        { path: '/body/paidOn', code: 'in_future', message: 'The payment date cannot be in the future.' },
      ]);
    }
    return write(this.db, context, async (trx, record) => {
      const member = await this.find(trx, principal, id, true);
      if (await repo.duesRecorded(trx, id, input.year)) {
        throw errors.conflict(`The ${input.year} dues are already recorded.`, [
          { path: '/body/year', code: 'dues_recorded', message: 'Dues for this year are already recorded.' },
        ]);
      }
      const row = await repo.insertDues(trx, {
        id: uuidv7(),
        member_id: id,
        year: input.year,
        amount_fen: input.amountFen,
        paid_on: input.paidOn,
        created_at: new Date(),
      });
      const dues = toDues(row);
      record({
        action: 'member.dues',
        resourceType: 'member',
        resourceId: id,
        societyId: member.society_id,
        after: dues,
        event: 'member.dues_recorded',
      });
      return dues;
    });
  }
}

function toDues(row: repo.DuesRow): Static<typeof DuesSchema> {
  return {
    id: row.id,
    memberId: row.member_id,
    year: row.year,
    amountFen: Number(row.amount_fen),
    paidOn: row.paid_on,
    createdAt: row.created_at.toISOString(),
  };
}
