import {
  ACTIVE_PILOT_STATUSES,
  type CapacityTier,
  checkPilotEligibility,
  type Eligibility,
  type InspectionResult,
  localToday,
  type PilotStatus,
  pilotLifecycle,
} from '@society-hub/domain';
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { PILOT } from '../../lib/lifecycles';
import { keysetOf, paginate, type SortSpec } from '../../lib/pagination';
import { actsForAssociation, type Caller, type Principal } from '../../lib/request-context';
import { containsPattern } from '../../lib/sql';
import { allTransitions, checkMove, recordMove } from '../../lib/transitions';
import { type Trx, write } from '../../lib/write';
import { requireSociety } from '../societies/societies.repository';
import {
  concurrentPilots,
  type FunctionRow,
  findPilot,
  milestonesOf,
  type PilotRow,
  pilotQuery,
  readStrings,
  scoped,
  toFunction,
  toMilestone,
  toPilot,
} from './pilots.repository';
import type {
  EvaluationPutSchema,
  MilestoneCreateSchema,
  MilestonePatchSchema,
  Pilot,
  PilotCreateSchema,
  PilotFunctionCreateSchema,
  PilotFunctionPatchSchema,
  PilotListQuerySchema,
  PilotPatchSchema,
  PilotTransitionRequestSchema,
} from './pilots.schemas';

/** What eligibility reads from the other modules: the governance rules and the capacity tier. */
export interface EligibilityInputs {
  governance(db: DB | Trx, societyId: string): Promise<readonly ('pass' | 'warn' | 'fail')[]>;
  tier(db: DB | Trx, societyId: string): Promise<CapacityTier>;
}

const SORTS: readonly SortSpec[] = [{ name: '-createdAt', column: 'pilots.created_at', direction: 'desc' }];
/** While a proposal is still the society's own, it may edit it; afterwards only staff change a pilot. */
const SOCIETY_EDITABLE: readonly PilotStatus[] = ['proposed'];
const EVALUABLE: readonly PilotStatus[] = ['midterm_review', 'acceptance', 'completed'];

function isDepartmentClient(principal: Principal): boolean {
  return principal.kind === 'client' && principal.department !== null;
}

function isStaff(principal: Principal): boolean {
  return !isDepartmentClient(principal) && actsForAssociation(principal);
}

/** A government department's client reads its pilots and records acceptance and evaluation — nothing else. */
function refuseDepartment(principal: Principal): void {
  if (isDepartmentClient(principal))
    throw errors.forbidden('A department’s client may only accept milestones and evaluate.');
}

export class PilotService {
  constructor(
    private readonly db: DB,
    private readonly inputs: EligibilityInputs,
    private readonly maxConcurrentPilots: number,
  ) {}

  // — the function catalogue —

  async listFunctions() {
    const rows = await this.db.selectFrom('pilot_functions').selectAll().orderBy('position').execute();
    return { items: rows.map(toFunction) };
  }

  private async functionRow(db: DB | Trx, code: string, forUpdate = false): Promise<FunctionRow> {
    let q = db.selectFrom('pilot_functions').selectAll().where('code', '=', code);
    if (forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw errors.notFound('Pilot function');
    return row;
  }

  async createFunction({ context }: Caller, input: Static<typeof PilotFunctionCreateSchema>) {
    return write(this.db, context, async (trx, record) => {
      const clash = await trx
        .selectFrom('pilot_functions')
        .select(['code', 'name'])
        .where((eb) => eb.or([eb('code', '=', input.code), eb('name', '=', input.name.trim())]))
        .executeTakeFirst();
      if (clash) {
        throw errors.conflict('A function with this code or name exists.', [
          clash.code === input.code
            ? { path: '/body/code', code: 'code_taken', message: 'Choose another code.' }
            : { path: '/body/name', code: 'name_taken', message: 'Choose another name.' },
        ]);
      }
      const now = new Date();
      const last = await trx
        .selectFrom('pilot_functions')
        .select((eb) => eb.fn.max<number>('position').as('position'))
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('pilot_functions')
        .values({
          code: input.code,
          position: Number(last.position ?? 0) + 1,
          name: input.name.trim(),
          name_en: input.nameEn?.trim() || null,
          description: input.description?.trim() || null,
          requires_grade_3a: input.requiresGrade3A ?? false,
          required_qualifications: JSON.stringify(input.requiredQualifications ?? []),
          created_at: now,
          updated_at: now,
        })
        .execute();
      const created = toFunction(await this.functionRow(trx, input.code));
      record({
        action: 'pilot_function.create',
        resourceType: 'pilot_function',
        resourceId: input.code,
        after: created,
      });
      return created;
    });
  }

  async updateFunction(
    { context }: Caller,
    code: string,
    expected: number | null,
    input: Static<typeof PilotFunctionPatchSchema>,
  ) {
    return write(this.db, context, async (trx, record) => {
      const before = toFunction(await this.functionRow(trx, code, true));
      assertVersion(before.version, expected);
      if (input.name !== undefined) {
        const holder = await trx
          .selectFrom('pilot_functions')
          .select('code')
          .where('name', '=', input.name.trim())
          .executeTakeFirst();
        if (holder && holder.code !== code) {
          throw errors.conflict('A function with this name exists.', [
            { path: '/body/name', code: 'name_taken', message: 'Choose another name.' },
          ]);
        }
      }
      await trx
        .updateTable('pilot_functions')
        .set({
          name: input.name?.trim(),
          name_en: input.nameEn === undefined ? undefined : input.nameEn?.trim() || null,
          description: input.description === undefined ? undefined : input.description?.trim() || null,
          requires_grade_3a: input.requiresGrade3A,
          required_qualifications:
            input.requiredQualifications === undefined ? undefined : JSON.stringify(input.requiredQualifications),
          active: input.active,
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where('code', '=', code)
        .execute();
      const after = toFunction(await this.functionRow(trx, code));
      record({ action: 'pilot_function.update', resourceType: 'pilot_function', resourceId: code, before, after });
      return after;
    });
  }

  // — pilots —

  private async withMilestones(db: DB | Trx, row: PilotRow): Promise<Pilot> {
    return toPilot(row, (await milestonesOf(db, [row.id])).get(row.id) ?? []);
  }

  async list(principal: Principal, query: Static<typeof PilotListQuerySchema>) {
    const keyset = keysetOf(SORTS, query);
    let q = scoped(pilotQuery(this.db), principal);
    if (query.status) q = q.where('pilots.status', '=', query.status);
    if (query.functionCode) q = q.where('pilots.function_code', '=', query.functionCode);
    if (query.societyId) q = q.where('pilots.society_id', '=', query.societyId);
    if (query.department) q = q.where('pilots.department', '=', query.department);
    if (query.q) {
      const pattern = containsPattern(query.q.trim());
      q = q.where((eb) => eb.or([eb('pilots.title', 'ilike', pattern), eb('societies.name', 'ilike', pattern)]));
    }
    const { rows, nextCursor } = await paginate(q, keyset, 'pilots.id');
    const milestones = await milestonesOf(
      this.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toPilot(r, milestones.get(r.id) ?? [])), nextCursor };
  }

  async get(principal: Principal, id: string): Promise<Pilot> {
    return this.withMilestones(this.db, await findPilot(this.db, principal, id));
  }

  private async checkFields(
    db: DB | Trx,
    fields: { functionCode: string; startsOn: string; endsOn: string },
    functionChanged: boolean,
  ): Promise<void> {
    const problems: FieldError[] = [];
    if (fields.endsOn < fields.startsOn) {
      problems.push({ path: '/body/endsOn', code: 'before_start', message: 'The pilot cannot end before it starts.' });
    }
    const fn = await db
      .selectFrom('pilot_functions')
      .select(['active'])
      .where('code', '=', fields.functionCode)
      .executeTakeFirst();
    if (!fn) {
      problems.push({
        path: '/body/functionCode',
        code: 'unknown_function',
        message: `No function ${fields.functionCode}.`,
      });
    } else if (!fn.active && functionChanged) {
      problems.push({
        path: '/body/functionCode',
        code: 'function_inactive',
        message: 'This function takes no new proposals.',
      });
    }
    if (problems.length) throw errors.validation(problems);
  }

  async create({ principal, context }: Caller, input: Static<typeof PilotCreateSchema>): Promise<Pilot> {
    refuseDepartment(principal);
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, input.societyId);
      await this.checkFields(trx, input, true);
      const id = uuidv7();
      const now = new Date();
      await trx
        .insertInto('pilots')
        .values({
          id,
          society_id: input.societyId,
          function_code: input.functionCode,
          department: input.department.trim(),
          title: input.title.trim(),
          scope: input.scope?.trim() || null,
          legal_basis: input.legalBasis?.trim() || null,
          mode: input.mode,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          contract_value_fen: input.contractValueFen,
          deliverables: JSON.stringify(input.deliverables ?? []),
          qualifications: JSON.stringify(input.qualifications ?? []),
          created_at: now,
          updated_at: now,
        })
        .execute();
      const pilot = await this.withMilestones(trx, await findPilot(trx, principal, id));
      record({
        action: 'pilot.create',
        resourceType: 'pilot',
        resourceId: id,
        societyId: pilot.societyId,
        after: pilot,
        event: 'pilot.proposed',
      });
      return pilot;
    });
  }

  async update(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    input: Static<typeof PilotPatchSchema>,
  ): Promise<Pilot> {
    refuseDepartment(principal);
    return write(this.db, context, async (trx, record) => {
      const row = await findPilot(trx, principal, id, { forUpdate: true });
      assertVersion(row.version, expected);
      if (pilotLifecycle.isFinal(row.status)) throw errors.conflict(`A ${row.status} pilot can no longer change.`);
      if (!isStaff(principal) && !SOCIETY_EDITABLE.includes(row.status)) {
        throw errors.conflict('The proposal is under review: only the Association’s staff may change it now.');
      }
      const before = await this.withMilestones(trx, row);
      await this.checkFields(
        trx,
        {
          functionCode: input.functionCode ?? row.function_code,
          startsOn: input.startsOn ?? row.starts_on,
          endsOn: input.endsOn ?? row.ends_on,
        },
        input.functionCode !== undefined && input.functionCode !== row.function_code,
      );
      await trx
        .updateTable('pilots')
        .set({
          function_code: input.functionCode,
          department: input.department?.trim(),
          title: input.title?.trim(),
          scope: input.scope === undefined ? undefined : input.scope?.trim() || null,
          legal_basis: input.legalBasis === undefined ? undefined : input.legalBasis?.trim() || null,
          mode: input.mode,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          contract_value_fen: input.contractValueFen,
          deliverables: input.deliverables === undefined ? undefined : JSON.stringify(input.deliverables),
          qualifications: input.qualifications === undefined ? undefined : JSON.stringify(input.qualifications),
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      const after = await this.withMilestones(trx, await findPilot(trx, principal, id));
      record({
        action: 'pilot.update',
        resourceType: 'pilot',
        resourceId: id,
        societyId: row.society_id,
        before,
        after,
        event: 'pilot.updated',
      });
      return after;
    });
  }

  /** The explained pass/fail list (SPEC §4), computed now from the registry, governance, inspections, capacity. */
  private async evaluate(db: DB | Trx, row: PilotRow): Promise<Eligibility & { assessedOn: string }> {
    const today = localToday();
    const society = await db
      .selectFrom('societies')
      .selectAll()
      .where('id', '=', row.society_id)
      .executeTakeFirstOrThrow();
    const fn = await this.functionRow(db, row.function_code);
    const inspections = await db
      .selectFrom('inspections')
      .select(['year', 'result'])
      .where('society_id', '=', row.society_id)
      .execute();
    const byYear: Record<number, InspectionResult> = {};
    for (const i of inspections) byYear[i.year] = i.result;
    const result = checkPilotEligibility({
      today,
      societyStatus: society.status,
      inspections: byYear,
      governance: await this.inputs.governance(db, row.society_id),
      tier: await this.inputs.tier(db, row.society_id),
      evaluationGrade: society.evaluation_grade,
      evaluationGradeOn: society.evaluation_grade_on,
      partyOrganisation: society.party_organisation,
      qualificationsHeld: toPilot(row, []).qualifications.map((q) => q.code),
      function: {
        code: fn.code,
        requiresGrade3A: fn.requires_grade_3a,
        requiredQualifications: readStrings(fn.required_qualifications),
      },
      concurrentPilots: await concurrentPilots(db, row.society_id, row.id, ACTIVE_PILOT_STATUSES),
      maxConcurrentPilots: this.maxConcurrentPilots,
    });
    return { ...result, assessedOn: today };
  }

  async eligibility(principal: Principal, id: string) {
    const row = await findPilot(this.db, principal, id);
    const result = await this.evaluate(this.db, row);
    return { pilotId: id, assessedOn: result.assessedOn, eligible: result.eligible, checks: result.checks };
  }

  async transition(
    { principal, context }: Caller,
    id: string,
    expected: number | null,
    request: Static<typeof PilotTransitionRequestSchema>,
  ) {
    return write(this.db, context, async (trx, record) => {
      const row = await findPilot(trx, principal, id, { forUpdate: true });
      const move = checkMove(PILOT, principal, { ...row, societyId: row.society_id }, request, expected);
      const { to } = move;
      if (request.eligibilityOverride !== undefined && !(isStaff(principal) && to === 'approved')) {
        throw errors.validation([
          {
            path: '/body/eligibilityOverride',
            code: 'not_allowed',
            message: 'An eligibility override is recorded only by staff when approving.',
          },
        ]);
      }
      let override: string | null = row.eligibility_override;
      if (to === 'approved') {
        const result = await this.evaluate(trx, row);
        const failing = result.checks.filter((c) => !c.passed);
        if (failing.length > 0 && request.eligibilityOverride === undefined) {
          throw errors.ruleViolation(
            `The society is not eligible for this pilot: ${failing.map((c) => c.explanation).join(' ')}`,
            failing.map((c) => ({ path: `/eligibility/${c.rule}`, code: c.rule, message: c.explanation })),
          );
        }
        override = failing.length > 0 ? (request.eligibilityOverride?.trim() ?? null) : null;
        if (override) {
          record({
            action: 'pilot.eligibility_override',
            resourceType: 'pilot',
            resourceId: id,
            societyId: row.society_id,
            after: { failing: failing.map((c) => c.rule), reason: override },
          });
        }
      }
      await trx
        .updateTable('pilots')
        .set({ status: to, eligibility_override: override, version: sql`version + 1`, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      const after = await this.withMilestones(trx, await findPilot(trx, principal, id));
      await recordMove(trx, context.actor, record, PILOT, { id, societyId: row.society_id }, move, {
        before: { status: row.status },
        after,
      });
      return after;
    });
  }

  async transitions(principal: Principal, id: string) {
    await findPilot(this.db, principal, id);
    const rows = await allTransitions(this.db, PILOT, id);
    return {
      items: rows.map((entry) => ({
        id: entry.id,
        from: entry.from,
        to: entry.to,
        reason: entry.reason,
        actor: entry.actorName,
        at: entry.at,
      })),
    };
  }

  // — milestones and evaluation —

  async milestones(principal: Principal, id: string) {
    await findPilot(this.db, principal, id);
    return { items: ((await milestonesOf(this.db, [id])).get(id) ?? []).map(toMilestone) };
  }

  async addMilestone({ principal, context }: Caller, id: string, input: Static<typeof MilestoneCreateSchema>) {
    refuseDepartment(principal);
    return write(this.db, context, async (trx, record) => {
      const row = await findPilot(trx, principal, id, { forUpdate: true });
      if (pilotLifecycle.isFinal(row.status)) throw errors.conflict(`A ${row.status} pilot takes no new milestones.`);
      const milestoneId = uuidv7();
      const now = new Date();
      const created = await trx
        .insertInto('pilot_milestones')
        .values({
          id: milestoneId,
          pilot_id: id,
          name: input.name.trim(),
          due_on: input.dueOn,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const milestone = toMilestone(created);
      record({
        action: 'pilot.milestone.create',
        resourceType: 'pilot_milestone',
        resourceId: milestoneId,
        societyId: row.society_id,
        after: milestone,
        event: 'pilot.milestone_added',
      });
      return milestone;
    });
  }

  /**
   * The society records a milestone done (with evidence) or reschedules it; the department — or staff —
   * accepts it. An accepted milestone is settled: only staff may reopen it.
   */
  async updateMilestone(
    { principal, context }: Caller,
    id: string,
    milestoneId: string,
    expected: number | null,
    input: Static<typeof MilestonePatchSchema>,
  ) {
    return write(this.db, context, async (trx, record) => {
      const pilot = await findPilot(trx, principal, id, { forUpdate: true });
      const current = await trx
        .selectFrom('pilot_milestones')
        .selectAll()
        .where('id', '=', milestoneId)
        .where('pilot_id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw errors.notFound('Milestone');
      assertVersion(current.version, expected);
      const department = isDepartmentClient(principal);
      const changesFacts =
        input.name !== undefined ||
        input.dueOn !== undefined ||
        input.doneOn !== undefined ||
        input.evidence !== undefined;
      if (department && changesFacts) throw errors.forbidden('A department’s client may only accept a milestone.');
      if (input.accepted !== undefined && !(department || isStaff(principal))) {
        throw errors.forbidden('The transferring department (or the Association) accepts milestones.');
      }
      if (current.accepted_on !== null && changesFacts && !isStaff(principal)) {
        throw errors.conflict('This milestone has been accepted and can no longer change.');
      }
      const doneOn = input.doneOn === undefined ? current.done_on : input.doneOn;
      const problems: FieldError[] = [];
      if (doneOn !== null && doneOn > localToday()) {
        problems.push({
          path: '/body/doneOn',
          code: 'in_future',
          message: 'A milestone cannot be done in the future.',
        });
      }
      if (input.accepted === true && doneOn === null) {
        problems.push({
          path: '/body/accepted',
          code: 'not_done',
          message: 'Only a milestone recorded as done can be accepted.',
        });
      }
      if (problems.length) throw errors.validation(problems);
      const before = toMilestone(current);
      const updated = await trx
        .updateTable('pilot_milestones')
        .set({
          name: input.name?.trim(),
          due_on: input.dueOn,
          done_on: input.doneOn,
          evidence: input.evidence === undefined ? undefined : input.evidence?.trim() || null,
          accepted_on: input.accepted === undefined ? undefined : input.accepted ? localToday() : null,
          accepted_by: input.accepted === undefined ? undefined : input.accepted ? context.actor.name : null,
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where('id', '=', milestoneId)
        .returningAll()
        .executeTakeFirstOrThrow();
      const after = toMilestone(updated);
      record({
        action: input.accepted === true ? 'pilot.milestone.accept' : 'pilot.milestone.update',
        resourceType: 'pilot_milestone',
        resourceId: milestoneId,
        societyId: pilot.society_id,
        before,
        after,
        event: input.accepted === true ? 'pilot.milestone_accepted' : 'pilot.milestone_updated',
      });
      return after;
    });
  }

  /** The transferring department's evaluation (satisfaction 0–100, comments), or staff's on its behalf. */
  async evaluateByDepartment({ principal, context }: Caller, id: string, input: Static<typeof EvaluationPutSchema>) {
    if (!(isDepartmentClient(principal) || isStaff(principal))) {
      throw errors.forbidden('The transferring department (or the Association) evaluates a pilot.');
    }
    return write(this.db, context, async (trx, record) => {
      const row = await findPilot(trx, principal, id, { forUpdate: true });
      if (!EVALUABLE.includes(row.status)) {
        throw errors.ruleViolation(
          `A pilot is evaluated at its mid-term review, acceptance or completion; it is ${row.status}.`,
        );
      }
      const before = await this.withMilestones(trx, row);
      await trx
        .updateTable('pilots')
        .set({
          satisfaction: input.satisfaction,
          evaluation_comments: input.comments?.trim() || null,
          evaluated_at: new Date(),
          evaluated_by: context.actor.name,
          version: sql`version + 1`,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      const after = await this.withMilestones(trx, await findPilot(trx, principal, id));
      record({
        action: 'pilot.evaluate',
        resourceType: 'pilot',
        resourceId: id,
        societyId: row.society_id,
        before: before.evaluation,
        after: after.evaluation,
        event: 'pilot.evaluated',
      });
      return after;
    });
  }
}
