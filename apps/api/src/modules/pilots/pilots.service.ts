import {
  ACTIVE_PILOT_STATUSES,
  type CapacityTier,
  checkPilotEligibility,
  type Eligibility,
  localToday,
  type PilotStatus,
  pilotLifecycle,
} from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { PILOT } from '../../lib/lifecycles';
import { keysetOf } from '../../lib/pagination';
import type { Caller, Principal } from '../../lib/request-context';
import { EVERY_SOCIETY } from '../../lib/society-scope';
import { allTransitions, checkMove, moverOf, recordMove } from '../../lib/transitions';
import { type Trx, write } from '../../lib/write';
import { requireSociety } from '../societies/societies.repository';
import * as repo from './pilots.repository';
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

/** While a proposal is still the society's own, it may edit it; afterwards only staff change a pilot. */
const SOCIETY_EDITABLE: readonly PilotStatus[] = ['proposed'];
const EVALUABLE: readonly PilotStatus[] = ['midterm_review', 'acceptance', 'completed'];

function isDepartmentClient(principal: Principal): boolean {
  return principal.kind === 'client' && principal.department !== null;
}

/** The Association's staff, as the lifecycles name them (a department's client is not staff). */
function isStaff(principal: Principal): boolean {
  return moverOf(principal) === 'association';
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
    const rows = await repo.listFunctions(this.db);
    return { items: rows.map(repo.toFunction) };
  }

  private async functionRow(db: DB | Trx, code: string, forUpdate = false): Promise<repo.FunctionRow> {
    const row = await repo.findFunction(db, code, { forUpdate });
    if (!row) throw errors.notFound('Pilot function');
    return row;
  }

  async createFunction({ context }: Caller, input: Static<typeof PilotFunctionCreateSchema>) {
    return write(this.db, context, async (trx, record) => {
      const clash = await repo.functionWithCodeOrName(trx, input.code, input.name.trim());
      if (clash) {
        throw errors.conflict('A function with this code or name exists.', [
          clash.code === input.code
            ? { path: '/body/code', code: 'code_taken', message: 'Choose another code.' }
            : { path: '/body/name', code: 'name_taken', message: 'Choose another name.' },
        ]);
      }
      const now = new Date();
      await repo.insertFunction(trx, {
        code: input.code,
        position: (await repo.lastFunctionPosition(trx)) + 1,
        name: input.name.trim(),
        name_en: input.nameEn?.trim() || null,
        description: input.description?.trim() || null,
        requires_grade_3a: input.requiresGrade3A ?? false,
        required_qualifications: JSON.stringify(input.requiredQualifications ?? []),
        created_at: now,
        updated_at: now,
      });
      const created = repo.toFunction(await this.functionRow(trx, input.code));
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
      const before = repo.toFunction(await this.functionRow(trx, code, true));
      assertVersion(before.version, expected);
      if (input.name !== undefined) {
        const holder = await repo.functionCodeWithName(trx, input.name.trim());
        if (holder && holder !== code) {
          throw errors.conflict('A function with this name exists.', [
            { path: '/body/name', code: 'name_taken', message: 'Choose another name.' },
          ]);
        }
      }
      await repo.updateFunction(trx, code, {
        name: input.name?.trim(),
        name_en: input.nameEn === undefined ? undefined : input.nameEn?.trim() || null,
        description: input.description === undefined ? undefined : input.description?.trim() || null,
        requires_grade_3a: input.requiresGrade3A,
        required_qualifications:
          input.requiredQualifications === undefined ? undefined : JSON.stringify(input.requiredQualifications),
        active: input.active,
      });
      const after = repo.toFunction(await this.functionRow(trx, code));
      record({ action: 'pilot_function.update', resourceType: 'pilot_function', resourceId: code, before, after });
      return after;
    });
  }

  // — pilots —

  private async withMilestones(db: DB | Trx, row: repo.PilotRow): Promise<Pilot> {
    return repo.toPilot(row, (await repo.milestonesOf(db, [row.id])).get(row.id) ?? []);
  }

  async list(principal: Principal, query: Static<typeof PilotListQuerySchema>) {
    const keyset = keysetOf(repo.PILOT_SORTS, query);
    const { rows, nextCursor } = await repo.listPilots(this.db, principal, query, keyset);
    const milestones = await repo.milestonesOf(
      this.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => repo.toPilot(r, milestones.get(r.id) ?? [])), nextCursor };
  }

  async get(principal: Principal, id: string): Promise<Pilot> {
    return this.withMilestones(this.db, await repo.findPilot(this.db, principal, id));
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
    const fn = await repo.findFunction(db, fields.functionCode);
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
      await repo.insertPilot(trx, {
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
      });
      const pilot = await this.withMilestones(trx, await repo.findPilot(trx, principal, id));
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
      const row = await repo.findPilot(trx, principal, id, { forUpdate: true });
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
      await repo.updatePilot(trx, id, {
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
      });
      const after = await this.withMilestones(trx, await repo.findPilot(trx, principal, id));
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
  private async evaluate(db: DB | Trx, row: repo.PilotRow): Promise<Eligibility & { assessedOn: string }> {
    const today = localToday();
    const society = await requireSociety(db, EVERY_SOCIETY, row.society_id);
    const fn = await this.functionRow(db, row.function_code);
    const result = checkPilotEligibility({
      today,
      societyStatus: society.status,
      inspections: await repo.inspectionResultsOf(db, row.society_id),
      governance: await this.inputs.governance(db, row.society_id),
      tier: await this.inputs.tier(db, row.society_id),
      evaluationGrade: society.evaluation_grade,
      evaluationGradeOn: society.evaluation_grade_on,
      partyOrganisation: society.party_organisation,
      qualificationsHeld: repo.toPilot(row, []).qualifications.map((q) => q.code),
      function: {
        code: fn.code,
        requiresGrade3A: fn.requires_grade_3a,
        requiredQualifications: repo.readStrings(fn.required_qualifications),
      },
      concurrentPilots: await repo.concurrentPilots(db, row.society_id, row.id, ACTIVE_PILOT_STATUSES),
      maxConcurrentPilots: this.maxConcurrentPilots,
    });
    return { ...result, assessedOn: today };
  }

  async eligibility(principal: Principal, id: string) {
    const row = await repo.findPilot(this.db, principal, id);
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
      const row = await repo.findPilot(trx, principal, id, { forUpdate: true });
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
      await repo.updatePilot(trx, id, { status: to, eligibility_override: override });
      const after = await this.withMilestones(trx, await repo.findPilot(trx, principal, id));
      await recordMove(trx, context.actor, record, PILOT, { id, societyId: row.society_id }, move, {
        before: { status: row.status },
        after,
      });
      return after;
    });
  }

  async transitions(principal: Principal, id: string) {
    await repo.findPilot(this.db, principal, id);
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
    await repo.findPilot(this.db, principal, id);
    return { items: ((await repo.milestonesOf(this.db, [id])).get(id) ?? []).map(repo.toMilestone) };
  }

  async addMilestone({ principal, context }: Caller, id: string, input: Static<typeof MilestoneCreateSchema>) {
    refuseDepartment(principal);
    return write(this.db, context, async (trx, record) => {
      const row = await repo.findPilot(trx, principal, id, { forUpdate: true });
      if (pilotLifecycle.isFinal(row.status)) throw errors.conflict(`A ${row.status} pilot takes no new milestones.`);
      const milestoneId = uuidv7();
      const now = new Date();
      const created = await repo.insertMilestone(trx, {
        id: milestoneId,
        pilot_id: id,
        name: input.name.trim(),
        due_on: input.dueOn,
        created_at: now,
        updated_at: now,
      });
      const milestone = repo.toMilestone(created);
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
      const pilot = await repo.findPilot(trx, principal, id, { forUpdate: true });
      const current = await repo.lockMilestone(trx, id, milestoneId);
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
      const before = repo.toMilestone(current);
      const updated = await repo.updateMilestone(trx, milestoneId, {
        name: input.name?.trim(),
        due_on: input.dueOn,
        done_on: input.doneOn,
        evidence: input.evidence === undefined ? undefined : input.evidence?.trim() || null,
        accepted_on: input.accepted === undefined ? undefined : input.accepted ? localToday() : null,
        accepted_by: input.accepted === undefined ? undefined : input.accepted ? context.actor.name : null,
      });
      const after = repo.toMilestone(updated);
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
      const row = await repo.findPilot(trx, principal, id, { forUpdate: true });
      if (!EVALUABLE.includes(row.status)) {
        throw errors.ruleViolation(
          `A pilot is evaluated at its mid-term review, acceptance or completion; it is ${row.status}.`,
        );
      }
      const before = await this.withMilestones(trx, row);
      await repo.updatePilot(trx, id, {
        satisfaction: input.satisfaction,
        evaluation_comments: input.comments?.trim() || null,
        evaluated_at: new Date(),
        evaluated_by: context.actor.name,
      });
      const after = await this.withMilestones(trx, await repo.findPilot(trx, principal, id));
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
