import {
  type CouncilPosition,
  evaluateGovernance,
  type GovernanceThresholds,
  localToday,
  overallStatus,
  type RosterEntry,
} from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { errors, type FieldError } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { keysetOf } from '../../lib/pagination';
import type { Caller, Principal } from '../../lib/request-context';
import { type Trx, write } from '../../lib/write';
import { requireSociety } from '../societies/societies.repository';
import * as repo from './governance.repository';
import type {
  CouncilMemberCreateSchema,
  CouncilMemberPatchSchema,
  CouncilMemberSchema,
  GovernanceReportSchema,
  TermCreateSchema,
  TermSchema,
} from './governance.schemas';

type Term = Static<typeof TermSchema>;
type CouncilMember = Static<typeof CouncilMemberSchema>;

export function toTerm(row: repo.TermRow): Term {
  return {
    id: row.id,
    societyId: row.society_id,
    sequence: row.sequence,
    startOn: row.start_on,
    endOn: row.end_on,
    representatives: row.representatives,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toCouncilMember(row: repo.CouncilMemberRow): CouncilMember {
  return {
    id: row.id,
    societyId: row.society_id,
    termId: row.term_id,
    personName: row.person_name,
    position: row.position,
    standing: row.standing,
    frontline: row.frontline,
    birthYear: row.birth_year,
    employer: row.employer,
    official: row.official,
    approvalRef: row.approval_ref,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toRosterEntry(row: repo.CouncilMemberRow): RosterEntry {
  return {
    personName: row.person_name,
    position: row.position,
    standing: row.standing,
    frontline: row.frontline,
    birthYear: row.birth_year,
    official: row.official,
    approvalRef: row.approval_ref,
    employer: row.employer,
  };
}

/** One chair, one secretary-general and one chief supervisor per term. */
const SINGLE_POSITIONS: readonly CouncilPosition[] = ['chair', 'secretary_general', 'chief_supervisor'];

export class GovernanceService {
  constructor(
    private readonly db: DB,
    private readonly thresholds: GovernanceThresholds,
  ) {}

  async listTerms(principal: Principal, societyId: string, query: { limit?: number; cursor?: string }) {
    await requireSociety(this.db, principal.scope, societyId);
    const keyset = keysetOf(repo.TERM_SORTS, query);
    const { rows, nextCursor } = await repo.listTerms(this.db, societyId, keyset);
    return { items: rows.map(toTerm), nextCursor };
  }

  async createTerm(
    { principal, context }: Caller,
    societyId: string,
    input: Static<typeof TermCreateSchema>,
  ): Promise<Term> {
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      const fieldErrors: FieldError[] = [];
      if (input.endOn <= input.startOn) {
        fieldErrors.push({ path: '/body/endOn', code: 'before_start', message: 'A term ends after it starts.' });
      }
      const latest = await repo.currentTerm(trx, societyId);
      if (latest && input.sequence <= latest.sequence) {
        throw errors.conflict(`Term ${latest.sequence} is already recorded; the next is ${latest.sequence + 1}.`, [
          { path: '/body/sequence', code: 'sequence_taken', message: `The next term is ${latest.sequence + 1}.` },
        ]);
      }
      if (latest && input.startOn < latest.start_on) {
        fieldErrors.push({
          path: '/body/startOn',
          code: 'before_previous',
          message: `Term ${latest.sequence} started on ${latest.start_on}.`,
        });
      }
      if (fieldErrors.length) throw errors.validation(fieldErrors);
      const now = new Date();
      const term = toTerm(
        await repo.insertTerm(trx, {
          id: uuidv7(),
          society_id: societyId,
          sequence: input.sequence,
          start_on: input.startOn,
          end_on: input.endOn,
          representatives: input.representatives ?? null,
          created_at: now,
          updated_at: now,
        }),
      );
      record({
        action: 'governance_term.create',
        resourceType: 'governance_term',
        resourceId: term.id,
        societyId,
        after: term,
        event: 'society.term_created',
      });
      return term;
    });
  }

  async listMembers(
    principal: Principal,
    societyId: string,
    query: { termId?: string; limit?: number; cursor?: string },
  ) {
    await requireSociety(this.db, principal.scope, societyId);
    const term = query.termId
      ? await repo.findTerm(this.db, societyId, query.termId)
      : await repo.currentTerm(this.db, societyId);
    const keyset = keysetOf(repo.MEMBER_SORTS, query);
    if (!term) {
      if (query.termId) throw errors.notFound('Term');
      return { items: [], nextCursor: null };
    }
    const { rows, nextCursor } = await repo.listMembers(this.db, term.id, keyset);
    return { items: rows.map(toCouncilMember), nextCursor };
  }

  private async checkSinglePositions(trx: Trx, termId: string, position: CouncilPosition, selfId: string | null) {
    if (!SINGLE_POSITIONS.includes(position)) return;
    const holders = (await repo.membersOfTerm(trx, termId)).filter((m) => m.position === position && m.id !== selfId);
    if (holders.length) {
      throw errors.validation([
        {
          path: '/body/position',
          code: 'position_taken',
          message: `${holders[0]?.person_name} already holds this position in the term.`,
        },
      ]);
    }
  }

  private checkBirthYear(birthYear: number | null | undefined): void {
    if (birthYear && birthYear > new Date().getUTCFullYear() - 16) {
      throw errors.validation([
        { path: '/body/birthYear', code: 'implausible', message: 'A council member is an adult.' },
      ]);
    }
  }

  async addMember(
    { principal, context }: Caller,
    societyId: string,
    input: Static<typeof CouncilMemberCreateSchema>,
  ): Promise<CouncilMember> {
    this.checkBirthYear(input.birthYear);
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      const term = input.termId
        ? await repo.findTerm(trx, societyId, input.termId)
        : await repo.currentTerm(trx, societyId);
      if (!term) {
        throw errors.validation([
          {
            path: input.termId ? '/body/termId' : '/body',
            code: 'no_term',
            message: input.termId ? 'No such term for this society.' : 'Record the term (换届) first.',
          },
        ]);
      }
      await this.checkSinglePositions(trx, term.id, input.position, null);
      const now = new Date();
      const member = toCouncilMember(
        await repo.insertMember(trx, {
          id: uuidv7(),
          society_id: societyId,
          term_id: term.id,
          person_name: input.personName.trim(),
          position: input.position,
          // Leaders sit on the standing council by definition.
          standing:
            input.standing ??
            ['chair', 'vice_chair', 'secretary_general', 'standing_director'].includes(input.position),
          frontline: input.frontline ?? false,
          birth_year: input.birthYear ?? null,
          employer: input.employer?.trim() || null,
          official: input.official ?? false,
          approval_ref: input.approvalRef?.trim() || null,
          created_at: now,
          updated_at: now,
        }),
      );
      record({
        action: 'council_member.create',
        resourceType: 'council_member',
        resourceId: member.id,
        societyId,
        after: member,
        event: 'society.council_changed',
      });
      return member;
    });
  }

  async updateMember(
    { principal, context }: Caller,
    societyId: string,
    memberId: string,
    expected: number | null,
    input: Static<typeof CouncilMemberPatchSchema>,
  ): Promise<CouncilMember> {
    this.checkBirthYear(input.birthYear);
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      const current = await repo.findMember(trx, societyId, memberId, { forUpdate: true });
      if (!current) throw errors.notFound('Council member');
      assertVersion(current.version, expected);
      if (input.position && input.position !== current.position)
        await this.checkSinglePositions(trx, current.term_id, input.position, memberId);
      const before = toCouncilMember(current);
      const member = toCouncilMember(
        await repo.updateMember(trx, memberId, {
          person_name: input.personName?.trim(),
          position: input.position,
          standing: input.standing,
          frontline: input.frontline,
          birth_year: input.birthYear,
          employer: input.employer === undefined ? undefined : input.employer?.trim() || null,
          official: input.official,
          approval_ref: input.approvalRef === undefined ? undefined : input.approvalRef?.trim() || null,
        }),
      );
      record({
        action: 'council_member.update',
        resourceType: 'council_member',
        resourceId: memberId,
        societyId,
        before,
        after: member,
        event: 'society.council_changed',
      });
      return member;
    });
  }

  async removeMember({ principal, context }: Caller, societyId: string, memberId: string, expected: number | null) {
    await write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      const current = await repo.findMember(trx, societyId, memberId, { forUpdate: true });
      if (!current) throw errors.notFound('Council member');
      assertVersion(current.version, expected);
      await repo.deleteMember(trx, memberId);
      record({
        action: 'council_member.delete',
        resourceType: 'council_member',
        resourceId: memberId,
        societyId,
        before: toCouncilMember(current),
        event: 'society.council_changed',
      });
    });
  }

  /** The eight rules for the society's current term. */
  async evaluate(
    principal: Principal,
    societyId: string,
    on = localToday(),
  ): Promise<Static<typeof GovernanceReportSchema>> {
    await requireSociety(this.db, principal.scope, societyId);
    return this.evaluateUnscoped(this.db, societyId, on);
  }

  /** For modules that already checked scope (the capacity index, pilot eligibility). */
  async evaluateUnscoped(
    db: DB | Trx,
    societyId: string,
    on = localToday(),
  ): Promise<Static<typeof GovernanceReportSchema>> {
    const terms = await repo.termsWithRosters(db, societyId);
    const results = evaluateGovernance(
      {
        terms: terms.map(({ term, roster }) => ({
          sequence: term.sequence,
          startOn: term.start_on,
          endOn: term.end_on,
          representatives: term.representatives,
          roster: roster.map(toRosterEntry),
        })),
        today: on,
      },
      this.thresholds,
    );
    return {
      societyId,
      termId: terms.at(-1)?.term.id ?? null,
      evaluatedOn: on,
      overall: overallStatus(results),
      results,
    };
  }
}
