import {
  checkCreditCode,
  countOf,
  localToday,
  normaliseCreditCode,
  societyOfficers,
  societyTransitionBlockers,
} from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { SocietyRow, SocietyRowUpdate } from '../../db/database';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { SOCIETY } from '../../lib/lifecycles';
import { keysetOf } from '../../lib/pagination';
import { actsForAssociation, type Caller, type Principal } from '../../lib/request-context';
import { clearedWhenBlank } from '../../lib/text';
import { checkMove, historyItem, pagedTransitions, recordMove, type TransitionRequest } from '../../lib/transitions';
import { type Trx, write } from '../../lib/write';
import { currentOfficerNames } from '../governance/governance.repository';
import * as repo from './societies.repository';
import type {
  Society,
  SocietyCreateSchema,
  SocietyListQuerySchema,
  SocietyPatchSchema,
  SocietyTransition,
} from './societies.schemas';

type SocietyCreate = Static<typeof SocietyCreateSchema>;
type SocietyPatch = Static<typeof SocietyPatchSchema>;
type SocietyListQuery = Static<typeof SocietyListQuerySchema>;

export function toSociety(row: SocietyRow): Society {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    type: row.type,
    discipline: row.discipline,
    creditCode: row.credit_code,
    creditCodeOverrideReason: row.credit_code_override_reason,
    supportingUnit: row.supporting_unit,
    foundedOn: row.founded_on,
    officeAddress: row.office_address,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    legalRepresentative: row.legal_representative,
    chairName: row.chair_name,
    secretaryGeneralName: row.secretary_general_name,
    secretaryGeneralFullTime: row.secretary_general_full_time,
    website: row.website,
    partyOrganisation: row.party_organisation,
    partyOrganisationOn: row.party_organisation_on,
    evaluationGrade: row.evaluation_grade,
    evaluationGradeOn: row.evaluation_grade_on,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Registry facts only Association staff change; a society's secretariat keeps the rest of its profile. */
const STAFF_ONLY_FIELDS: readonly (keyof SocietyPatch)[] = [
  'name',
  'type',
  'creditCode',
  'creditCodeOverrideReason',
  'evaluationGrade',
  'evaluationGradeOn',
];

type Input = SocietyCreate | SocietyPatch;

/**
 * The columns an input sets. Kysely leaves `undefined` values out of inserts and updates, which is
 * exactly merge-patch semantics: absent fields stay as they are.
 */
function toColumns(input: Input): SocietyRowUpdate {
  return {
    name: input.name?.trim(),
    type: input.type,
    discipline: input.discipline,
    name_en: clearedWhenBlank(input.nameEn),
    supporting_unit: clearedWhenBlank(input.supportingUnit),
    founded_on: input.foundedOn,
    office_address: clearedWhenBlank(input.officeAddress),
    contact_person: clearedWhenBlank(input.contactPerson),
    contact_phone: clearedWhenBlank(input.contactPhone),
    contact_email: clearedWhenBlank(input.contactEmail),
    legal_representative: clearedWhenBlank(input.legalRepresentative),
    chair_name: clearedWhenBlank(input.chairName),
    secretary_general_name: clearedWhenBlank(input.secretaryGeneralName),
    secretary_general_full_time: input.secretaryGeneralFullTime,
    website: clearedWhenBlank(input.website),
    party_organisation: input.partyOrganisation,
    party_organisation_on: input.partyOrganisationOn,
    evaluation_grade: input.evaluationGrade,
    evaluation_grade_on: input.evaluationGradeOn,
  };
}

/**
 * Field rules beyond the schema, all reported at once. Returns the credit code as stored (normalised)
 * and the override reason to keep (null once a code passes on its own).
 */
function validateInput(
  principal: Principal,
  input: Input,
  current: SocietyRow | undefined,
): { fieldErrors: FieldError[]; creditCode: string | null | undefined; overrideReason: string | null | undefined } {
  const fieldErrors: FieldError[] = [];
  if (input.name !== undefined && input.name.trim() === '') {
    fieldErrors.push({ path: '/body/name', code: 'required', message: 'The society needs a name.' });
  }
  for (const field of ['foundedOn', 'partyOrganisationOn', 'evaluationGradeOn'] as const) {
    const value = input[field];
    if (value && value > localToday()) {
      fieldErrors.push({ path: `/body/${field}`, code: 'in_future', message: 'The date cannot be in the future.' });
    }
  }
  const grade = input.evaluationGrade === undefined ? (current?.evaluation_grade ?? null) : input.evaluationGrade;
  const gradeOn =
    input.evaluationGradeOn === undefined ? (current?.evaluation_grade_on ?? null) : input.evaluationGradeOn;
  if (grade !== null && gradeOn === null) {
    fieldErrors.push({
      path: '/body/evaluationGradeOn',
      code: 'required',
      message: 'Give the date of the evaluation: a grade is valid for five years from it.',
    });
  }

  let creditCode: string | null | undefined;
  let overrideReason: string | null | undefined;
  if (input.creditCode !== undefined && input.creditCode !== null) {
    creditCode = normaliseCreditCode(input.creditCode);
    const overrideGiven = clearedWhenBlank(input.creditCodeOverrideReason);
    const unchanged = current?.credit_code === creditCode;
    const issues = checkCreditCode(creditCode);
    const reason = overrideGiven ?? (unchanged ? current?.credit_code_override_reason : null) ?? null;
    for (const issue of issues) {
      if (issue.overridable && reason && (actsForAssociation(principal) || unchanged)) continue;
      fieldErrors.push({
        path: '/body/creditCode',
        code: issue.code,
        message: issue.overridable
          ? `${issue.message} An administrator may accept it by giving creditCodeOverrideReason.`
          : issue.message,
      });
    }
    overrideReason = issues.length > 0 ? reason : null;
  } else if (input.creditCode === null) {
    creditCode = null;
    overrideReason = null;
  } else if (input.creditCodeOverrideReason !== undefined && !current?.credit_code) {
    fieldErrors.push({
      path: '/body/creditCodeOverrideReason',
      code: 'without_credit_code',
      message: 'An override reason only goes with a credit code.',
    });
  }
  return { fieldErrors, creditCode, overrideReason };
}

async function assertCreditCodeFree(db: DB | Trx, creditCode: string | null | undefined, selfId: string | null) {
  if (!creditCode) return;
  const holder = await repo.findSocietyIdByCreditCode(db, creditCode);
  if (holder && holder !== selfId) {
    throw errors.conflict('Another society already has this credit code.', [
      {
        path: '/body/creditCode',
        code: 'credit_code_taken',
        message: 'This credit code is registered to another society.',
      },
    ]);
  }
}

export class SocietyService {
  constructor(private readonly db: DB) {}

  async list(principal: Principal, query: SocietyListQuery) {
    if ((query.inspectionYear === undefined) !== (query.inspectionResult === undefined)) {
      const missing = query.inspectionYear === undefined ? 'inspectionYear' : 'inspectionResult';
      throw errors.validation([
        { path: `/query/${missing}`, code: 'required', message: 'inspectionYear and inspectionResult go together.' },
      ]);
    }
    const keyset = keysetOf(repo.SOCIETY_SORTS, query);
    const { rows, nextCursor } = await repo.listSocieties(this.db, principal.scope, query, keyset);
    return { items: rows.map(toSociety), nextCursor };
  }

  async get(principal: Principal, id: string): Promise<Society> {
    const row = await repo.findSociety(this.db, principal.scope, id);
    if (!row) throw errors.notFound('Society');
    return this.withOfficers(toSociety(row));
  }

  /** The society with its officers: the profile's names, completed and checked against the current roster. */
  private async withOfficers(society: Society): Promise<Society> {
    const roster = await currentOfficerNames(this.db, society.id);
    return { ...society, officers: societyOfficers(society, roster) };
  }

  async create({ principal, context }: Caller, input: SocietyCreate): Promise<Society> {
    const { fieldErrors, creditCode, overrideReason } = validateInput(principal, input, undefined);
    if (fieldErrors.length) throw errors.validation(fieldErrors);
    await assertCreditCodeFree(this.db, creditCode, null);
    return write(this.db, context, async (trx, record) => {
      const now = new Date();
      const row = await repo.insertSociety(trx, {
        ...toColumns(input),
        id: uuidv7(),
        name: input.name.trim(),
        type: input.type,
        discipline: input.discipline,
        credit_code: creditCode ?? null,
        credit_code_override_reason: overrideReason ?? null,
        created_at: now,
        updated_at: now,
      });
      const society = toSociety(row);
      record({
        action: 'society.create',
        resourceType: 'society',
        resourceId: society.id,
        societyId: society.id,
        after: society,
        event: 'society.created',
      });
      return society;
    });
  }

  async update(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    input: SocietyPatch,
  ): Promise<Society> {
    if (!actsForAssociation(principal)) {
      const denied = STAFF_ONLY_FIELDS.filter((f) => input[f] !== undefined);
      if (denied.length) {
        throw errors.forbidden(`Only Association staff may change: ${denied.join(', ')}.`);
      }
    }
    const updated = await write(this.db, context, async (trx, record) => {
      const current = await repo.findSociety(trx, principal.scope, id, { forUpdate: true });
      if (!current) throw errors.notFound('Society');
      assertVersion(current.version, expected);
      const { fieldErrors, creditCode, overrideReason } = validateInput(principal, input, current);
      if (fieldErrors.length) throw errors.validation(fieldErrors);
      await assertCreditCodeFree(trx, creditCode, id);
      const proposed: SocietyRowUpdate = {
        ...toColumns(input),
        ...(creditCode !== undefined
          ? { credit_code: creditCode, credit_code_override_reason: overrideReason ?? null }
          : {}),
      };
      const changed = Object.entries(proposed).filter(
        ([column, value]) => value !== undefined && current[column as keyof SocietyRow] !== value,
      );
      if (changed.length === 0) return toSociety(current);
      const before = toSociety(current);
      const society = toSociety(await repo.updateSociety(trx, id, proposed));
      record({
        action: 'society.update',
        resourceType: 'society',
        resourceId: id,
        societyId: id,
        before,
        after: society,
        event: 'society.updated',
      });
      return society;
    });
    return this.withOfficers(updated);
  }

  async remove({ principal, context }: Caller, id: string, expected: number | null): Promise<void> {
    await write(this.db, context, async (trx, record) => {
      const current = await repo.findSociety(trx, principal.scope, id, { forUpdate: true });
      if (!current) throw errors.notFound('Society');
      assertVersion(current.version, expected);
      if (current.status !== 'preparing') {
        throw errors.conflict(
          `Only a society still preparing can be deleted; this one is ${current.status}. Deregister it instead.`,
        );
      }
      const dependants = await repo.countDependants(trx, id);
      if (dependants > 0) {
        throw errors.conflict(
          `The society still has ${countOf(dependants, 'dependent record')}; remove ${dependants === 1 ? 'it' : 'them'} first.`,
        );
      }
      await repo.deleteSociety(trx, id);
      record({
        action: 'society.delete',
        resourceType: 'society',
        resourceId: id,
        societyId: null,
        before: toSociety(current),
        event: 'society.deleted',
      });
    });
  }

  async transition(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    request: TransitionRequest,
  ): Promise<Society> {
    return write(this.db, context, async (trx, record) => {
      const current = await repo.findSociety(trx, principal.scope, id, { forUpdate: true });
      if (!current) throw errors.notFound('Society');
      const move = checkMove(SOCIETY, principal, { ...current, societyId: id }, request, expected);
      const blockers = societyTransitionBlockers(move.to, { creditCode: current.credit_code });
      if (blockers.length) {
        throw errors.ruleViolation(
          blockers.map((b) => b.message).join(' '),
          blockers.map((b) => ({ path: '/body/to', code: b.code, message: b.message })),
        );
      }
      const before = toSociety(current);
      const society = toSociety(await repo.updateSociety(trx, id, { status: move.to }));
      await recordMove(trx, context.actor, record, SOCIETY, { id, societyId: id }, move, { before, after: society });
      return society;
    });
  }

  async transitions(principal: Principal, id: string, query: { limit?: number; cursor?: string }) {
    const society = await repo.findSociety(this.db, principal.scope, id);
    if (!society) throw errors.notFound('Society');
    const keyset = keysetOf(repo.TRANSITION_SORTS, query);
    const { entries, nextCursor } = await pagedTransitions(this.db, SOCIETY, id, keyset);
    return {
      items: entries.map((entry): SocietyTransition => historyItem(entry)),
      nextCursor,
    };
  }
}
