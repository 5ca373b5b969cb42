import { checkObjection, formatYuan, localToday, maskPhone } from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import type { NoticeObjectionRow } from '../../db/database';
import { AppError, errors, type FieldError } from '../../lib/errors';
import type { Caller, RequestContext } from '../../lib/request-context';
import { requiredText } from '../../lib/text';
import { type Trx, write } from '../../lib/write';
import { moveApplications } from './application-moves';
import { findProgram, readDecision, toProgram } from './funding.repository';
import type { ApplicationDecision } from './funding.schemas';
import * as repo from './notices.repository';
import type { ObjectionCreateSchema, ObjectionResolutionSchema } from './notices.schemas';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function maskContact(contact: string): string {
  if (EMAIL.test(contact)) {
    const [user = '', domain = ''] = contact.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  return maskPhone(contact);
}

function toObjection(row: NoticeObjectionRow & { application_title: string | null }, masked: boolean) {
  return {
    id: row.id,
    programId: row.program_id,
    applicationId: row.application_id,
    applicationTitle: row.application_title,
    signerKind: row.signer_kind,
    signerName: row.signer_name,
    contact: masked ? maskContact(row.contact) : row.contact,
    content: row.content,
    status: row.status,
    resolution: row.resolution,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

/** Notices stay readable for a month after they end, so the public can see what was decided. */
const SHOWN_AFTER_END_DAYS = 30;

const HOUR_MS = 3_600_000;

export class NoticeService {
  /**
   * @param objectionsPerHour how many objections one address may have accepted in an hour. Only
   *   accepted ones count: a form refused (anonymous, too short, outside the period) costs nothing, so
   *   an office whose people share one address is not locked out by someone's mistakes.
   */
  constructor(
    private readonly db: DB,
    private readonly objectionsPerHour: number,
  ) {}

  async publicNotices() {
    const today = localToday();
    const since = new Date(Date.parse(`${today}T00:00:00Z`) - SHOWN_AFTER_END_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const programs = await repo.programsWithNoticeSince(this.db, since);
    const items = [];
    for (const row of programs) {
      const program = toProgram(row);
      if (!program.noticeStartsOn || !program.noticeEndsOn) continue;
      const applications = await repo.noticedApplications(this.db, program.id);
      items.push({
        id: program.id,
        title: `${program.name} 拟资助项目公示`,
        year: program.year,
        startsOn: program.noticeStartsOn,
        endsOn: program.noticeEndsOn,
        acceptingObjections:
          program.status === 'notice' && program.noticeStartsOn <= today && today <= program.noticeEndsOn,
        totalFen: applications.reduce((s, a) => s + (a.allocated_fen ?? 0), 0),
        items: applications.map((a) => ({
          applicationId: a.id,
          societyName: a.society_name,
          title: a.title,
          categoryCode: a.category_code,
          categoryName: program.categories.find((c) => c.code === a.category_code)?.name ?? a.category_code,
          allocatedFen: a.allocated_fen ?? 0,
        })),
      });
    }
    return { items, nextCursor: null };
  }

  /** Anyone may object while the notice runs, signed with a real name or unit and a way to reach them. */
  async fileObjection(context: RequestContext, programId: string, input: Static<typeof ObjectionCreateSchema>) {
    const problems: FieldError[] = checkObjection(input).map((p) => ({ ...p, path: `/body${p.path}` }));
    const signer = input.signerName.trim();
    const contact = input.contact.trim();
    if (problems.length) throw errors.validation(problems);
    return write(this.db, context, async (trx, record) => {
      const program = toProgram(
        await findProgram(trx, programId).catch(() => {
          throw errors.notFound('Notice');
        }),
      );
      const today = localToday();
      if (program.status !== 'notice' || !program.noticeStartsOn || !program.noticeEndsOn)
        throw errors.notFound('Notice');
      if (today < program.noticeStartsOn || today > program.noticeEndsOn) {
        throw errors.ruleViolation(
          `Objections are accepted during the notice period, ${program.noticeStartsOn} to ${program.noticeEndsOn}.`,
        );
      }
      if (input.applicationId) {
        if (!(await repo.isUnderNotice(trx, input.applicationId, programId))) {
          throw errors.validation([
            { path: '/body/applicationId', code: 'not_in_notice', message: 'That project is not in this notice.' },
          ]);
        }
      }
      await this.assertAllowance(trx, context.ip);
      const id = uuidv7();
      const createdAt = new Date();
      await repo.insertObjection(trx, {
        id,
        program_id: programId,
        application_id: input.applicationId,
        signer_kind: input.signerKind,
        signer_name: signer,
        contact,
        content: input.content.trim(),
        status: 'open',
        ip: context.ip,
        created_at: createdAt,
      });
      record({
        action: 'objection.file',
        resourceType: 'notice_objection',
        resourceId: id,
        after: { programId, applicationId: input.applicationId, signerKind: input.signerKind, signerName: signer },
        event: 'objection.filed',
      });
      return { id, status: 'open' as const, createdAt: createdAt.toISOString() };
    });
  }

  /**
   * The address's hourly allowance of accepted objections, counted from the objections it filed: two
   * filings from one address at once are serialised on a transaction-scoped advisory lock.
   */
  private async assertAllowance(trx: Trx, ip: string | null): Promise<void> {
    if (ip === null) return;
    await repo.lockObjectionsFrom(trx, ip);
    const since = new Date(Date.now() - HOUR_MS);
    const recent = await repo.objectionTimesFrom(trx, ip, since, this.objectionsPerHour);
    const oldest = recent[0];
    if (recent.length < this.objectionsPerHour || !oldest) return;
    const retryAfter = Math.max(1, Math.ceil((oldest.created_at.getTime() + HOUR_MS - Date.now()) / 1000));
    throw new AppError(
      429,
      'rate_limited',
      `At most ${this.objectionsPerHour} objections an hour are accepted from one address; try again in ${Math.ceil(retryAfter / 60)} min.`,
      {},
      { 'retry-after': String(retryAfter) },
    );
  }

  async list(programId: string) {
    await findProgram(this.db, programId);
    const rows = await repo.programObjections(this.db, programId);
    return { items: rows.map((r) => toObjection(r, true)), nextCursor: null };
  }

  /**
   * A filed objection as its signer may follow it: the reference returned on filing leads here. Only
   * whether and when it was resolved, never the content, the signer or staff's finding.
   */
  async publicObjection(programId: string, id: string) {
    const row = await repo.findObjectionStatus(this.db, programId, id);
    if (!row) throw errors.notFound('Objection');
    return {
      id: row.id,
      noticeId: row.program_id,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      resolvedAt: row.resolved_at?.toISOString() ?? null,
    };
  }

  /**
   * Staff resolve an objection. Upholding one rejects the project it concerns and releases its money;
   * an objection to the whole notice names no project, so staff must name the one their finding
   * concerns (an upheld objection that changes nothing would leave the notice saying what staff found
   * untrue). To redo the whole decision instead, they move the program back to deciding.
   */
  async resolve({ principal, context }: Caller, id: string, input: Static<typeof ObjectionResolutionSchema>) {
    const resolution = requiredText(input.resolution, '/body/resolution', 'Say what was found.');
    return write(this.db, context, async (trx, record) => {
      const seen = await repo.findObjectionProgramId(trx, id);
      if (!seen) throw errors.notFound('Objection');
      // The program first, as its transitions do: finalising or reopening waits for this, or this for them.
      const program = toProgram(await findProgram(trx, seen.program_id, { forUpdate: true }));
      const row = await repo.lockObjection(trx, id);
      if (row.status !== 'open') throw errors.conflict(`The objection was already ${row.status}.`);
      const named = input.applicationId ?? null;
      if (input.outcome === 'dismissed' && named !== null) {
        throw errors.validation([
          {
            path: '/body/applicationId',
            code: 'not_applicable',
            message: 'A dismissed objection changes no project; name one only when upholding.',
          },
        ]);
      }
      if (row.application_id && named !== null && named !== row.application_id) {
        throw errors.validation([
          {
            path: '/body/applicationId',
            code: 'different_project',
            message: 'The objection names another project; an upheld objection concerns the project it names.',
          },
        ]);
      }
      const concerned = input.outcome === 'upheld' ? (row.application_id ?? named) : null;
      if (input.outcome === 'upheld' && concerned === null) {
        throw errors.validation([
          {
            path: '/body/applicationId',
            code: 'required',
            message:
              'This objection is to the whole notice: name the project your finding concerns, which is then rejected. To redo the whole decision, dismiss it with your finding and move the program back to deciding.',
          },
        ]);
      }
      if (concerned !== null) {
        const application = await repo.lockProgramApplication(trx, program.id, concerned);
        if (!application) {
          throw errors.validation([
            { path: '/body/applicationId', code: 'not_in_notice', message: 'That project is not in this notice.' },
          ]);
        }
        if (application.status === 'notice') {
          // The decision now says why it is rejected, not why it was once funded.
          const earlier = readDecision(application.decision);
          const decision: ApplicationDecision = {
            rank: earlier?.rank ?? 1,
            reason: 'objection_upheld',
            explanation: `an objection to the public notice was upheld (${resolution}); the ${formatYuan(application.allocated_fen ?? 0)} allocated to it was released`,
            decidedAt: new Date().toISOString(),
          };
          await moveApplications(
            trx,
            context.actor,
            [
              {
                row: application,
                to: 'rejected',
                reason: `Objection upheld: ${resolution}`,
                set: { allocated_fen: 0, decision: JSON.stringify(decision) },
              },
            ],
            record,
          );
        } else if (!(application.status === 'rejected' && concerned === row.application_id)) {
          // The project the objection names may have been rejected by an earlier upheld objection;
          // one staff name for an objection to the whole notice must be under notice now.
          throw errors.validation([
            { path: '/body/applicationId', code: 'not_in_notice', message: 'That project is not in this notice.' },
          ]);
        }
      }
      const updated = await repo.resolveObjection(trx, id, {
        status: input.outcome,
        resolution,
        resolvedBy: principal.name,
      });
      record({
        action: `objection.${input.outcome}`,
        resourceType: 'notice_objection',
        resourceId: id,
        after: { outcome: input.outcome, resolution, applicationId: concerned ?? row.application_id },
        event: 'objection.resolved',
      });
      const titled = updated.application_id ? await repo.findApplicationTitle(trx, updated.application_id) : undefined;
      return toObjection({ ...updated, application_title: titled?.title ?? null }, false);
    });
  }
}
