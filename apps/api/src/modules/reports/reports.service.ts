import {
  type AnnualReportContent,
  annualReportDueOn,
  assessDisqualification,
  checkAnnualReport,
  type InspectionResult,
  localToday,
} from '@society-hub/domain';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { errors } from '../../lib/errors';
import { assertVersion } from '../../lib/etag';
import { ANNUAL_REPORT } from '../../lib/lifecycles';
import { keysetOf } from '../../lib/pagination';
import type { Caller, Principal } from '../../lib/request-context';
import { checkMove, recordMove } from '../../lib/transitions';
import { type Trx, write } from '../../lib/write';
import type { ReturnRequest, ReturnRound } from '../returns/returns.schemas';
import { listRounds, openRound, resolveOpenRound } from '../returns/returns.service';
import { requireSociety } from '../societies/societies.repository';
import * as repo from './reports.repository';
import type {
  AnnualReportContentSchema,
  AnnualReportSchema,
  DisqualificationListSchema,
  InspectionPutSchema,
  InspectionSchema,
  ReportQueueQuerySchema,
} from './reports.schemas';

type AnnualReport = Static<typeof AnnualReportSchema>;
type Inspection = Static<typeof InspectionSchema>;
type Content = Static<typeof AnnualReportContentSchema>;

/** Called when a year's facts change (a report filed, an inspection recorded), e.g. to snapshot the capacity index. */
export type YearChanged = (trx: Trx, societyId: string, year: number) => Promise<void>;

function isContent(value: unknown): value is Content {
  return typeof value === 'object' && value !== null && 'members' in value && 'finances' in value;
}

function toInspection(row: repo.InspectionRow): Inspection {
  return {
    societyId: row.society_id,
    year: row.year,
    result: row.result,
    comments: row.comments,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
    version: row.version,
  };
}

function toReport(row: repo.ReportRow, inspection: repo.InspectionRow | undefined, dueMonthDay: string): AnnualReport {
  if (!isContent(row.content)) throw new Error(`annual report ${row.id} has no content`);
  return {
    id: row.id,
    societyId: row.society_id,
    societyName: row.society_name,
    year: row.year,
    status: row.status,
    content: row.content,
    dueOn: annualReportDueOn(row.year, dueMonthDay),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    inspection: inspection ? toInspection(inspection) : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The domain's consistency check, reported against the request's own field paths. */
function assertConsistent(content: AnnualReportContent): void {
  const issues = checkAnnualReport(content);
  if (issues.length) {
    throw errors.validation(
      issues.map((i) => ({ path: `/body/content/${i.field.replaceAll('.', '/')}`, code: i.code, message: i.message })),
      'The report contradicts itself; nothing was saved.',
    );
  }
}

export class ReportService {
  constructor(
    private readonly db: DB,
    private readonly settings: { dueMonthDay: string },
    private readonly yearChanged: YearChanged,
  ) {}

  private async withInspection(db: DB | Trx, row: repo.ReportRow): Promise<AnnualReport> {
    return toReport(row, await repo.findInspection(db, row.society_id, row.year), this.settings.dueMonthDay);
  }

  async list(principal: Principal, query: Static<typeof ReportQueueQuerySchema> & { societyId?: string }) {
    if (query.societyId) await requireSociety(this.db, principal.scope, query.societyId);
    const keyset = keysetOf(repo.REPORT_SORTS, query);
    const { rows, nextCursor } = await repo.listReports(this.db, principal.scope, query, keyset);
    const inspections = await repo.inspectionsFor(this.db, [...new Set(rows.map((r) => r.society_id))]);
    return {
      items: rows.map((row) =>
        toReport(
          row,
          inspections.find((i) => i.society_id === row.society_id && i.year === row.year),
          this.settings.dueMonthDay,
        ),
      ),
      nextCursor,
    };
  }

  async get(principal: Principal, societyId: string, year: number): Promise<AnnualReport> {
    await requireSociety(this.db, principal.scope, societyId);
    const row = await repo.findReport(this.db, societyId, year);
    if (!row) throw errors.notFound('Annual report');
    return this.withInspection(this.db, row);
  }

  private assertYear(year: number): void {
    if (year > new Date().getUTCFullYear()) {
      throw errors.validation([
        { path: '/body/year', code: 'in_future', message: 'A report covers a past or the current year.' },
      ]);
    }
  }

  async create(
    { principal, context }: Caller,
    societyId: string,
    input: { year: number; content: Content; submit?: boolean | undefined },
  ): Promise<AnnualReport> {
    this.assertYear(input.year);
    assertConsistent(input.content);
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      if (await repo.findReport(trx, societyId, input.year)) {
        throw errors.conflict(`The ${input.year} report already exists; change it with PUT.`, [
          { path: '/body/year', code: 'report_exists', message: `A report for ${input.year} is already filed.` },
        ]);
      }
      const now = new Date();
      const id = uuidv7();
      await repo.insertReport(trx, {
        id,
        society_id: societyId,
        year: input.year,
        content: JSON.stringify(input.content),
        status: input.submit ? 'submitted' : 'draft',
        submitted_at: input.submit ? now : null,
        created_at: now,
        updated_at: now,
      });
      const report = await this.reload(trx, societyId, input.year);
      record({
        action: input.submit ? 'annual_report.submit' : 'annual_report.create',
        resourceType: 'annual_report',
        resourceId: id,
        societyId,
        after: report,
        event: input.submit ? 'annual_report.submitted' : undefined,
      });
      if (input.submit) await this.yearChanged(trx, societyId, input.year);
      return report;
    });
  }

  private async reload(trx: Trx, societyId: string, year: number): Promise<AnnualReport> {
    const row = await repo.findReport(trx, societyId, year);
    if (!row) throw errors.notFound('Annual report');
    return this.withInspection(trx, row);
  }

  async replace(
    { principal, context }: Caller,
    societyId: string,
    year: number,
    expected: number | null,
    input: { content: Content; submit?: boolean | undefined },
  ): Promise<AnnualReport> {
    assertConsistent(input.content);
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      const current = await repo.findReport(trx, societyId, year, { forUpdate: true });
      if (!current) throw errors.notFound('Annual report');
      assertVersion(current.version, expected);
      if (await repo.findInspection(trx, societyId, year)) {
        throw errors.conflict('The report has been inspected and is closed; ask the Association to reopen it.');
      }
      const before = await this.withInspection(trx, current);
      const submitting = input.submit === true && current.status === 'draft';
      // Filing a returned report again is the lifecycle's move (only its society, by the deadline).
      const refiling = input.submit === true && current.status === 'returned';
      const subject = { id: current.id, societyId, status: current.status, version: current.version };
      const move = refiling
        ? checkMove(
            ANNUAL_REPORT,
            principal,
            subject,
            { to: 'submitted', reason: 'Filed again after correction' },
            null,
          )
        : null;
      const now = new Date();
      if (refiling) await resolveOpenRound(trx, this.returned(current.id, societyId), 'annual report', now);
      await repo.updateReport(trx, current.id, {
        content: JSON.stringify(input.content),
        status: submitting || refiling ? 'submitted' : current.status,
        submittedAt: submitting || refiling ? now : current.submitted_at,
        at: now,
      });
      const report = await this.reload(trx, societyId, year);
      if (move) {
        await recordMove(trx, context.actor, record, ANNUAL_REPORT, subject, move, { before, after: report });
      } else {
        record({
          action: submitting ? 'annual_report.submit' : 'annual_report.update',
          resourceType: 'annual_report',
          resourceId: current.id,
          societyId,
          before,
          after: report,
          event: submitting ? 'annual_report.submitted' : undefined,
        });
      }
      if (report.status === 'submitted') await this.yearChanged(trx, societyId, year);
      return report;
    });
  }

  private returned(reportId: string, societyId: string) {
    return { resourceType: 'annual_report' as const, resourceId: reportId, societyId };
  }

  /**
   * Sends a filed report back to its society for correction (退回修改): the lifecycle's move (only the
   * Association's staff; 409 unless submitted), refused once inspected, with a new round of comments.
   */
  async sendBack(
    { principal, context }: Caller,
    societyId: string,
    year: number,
    expected: number | null,
    request: ReturnRequest,
  ): Promise<ReturnRound> {
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      const current = await repo.findReport(trx, societyId, year, { forUpdate: true });
      if (!current) throw errors.notFound('Annual report');
      const subject = { id: current.id, societyId, status: current.status, version: current.version };
      const move = checkMove(ANNUAL_REPORT, principal, subject, { to: 'returned', reason: request.reason }, expected);
      if (await repo.findInspection(trx, societyId, year)) {
        throw errors.conflict('The report has been inspected and is closed; it can no longer be sent back.');
      }
      const before = await this.withInspection(trx, current);
      const now = new Date();
      await repo.setReportStatus(trx, current.id, 'returned', now);
      const round = await openRound(trx, this.returned(current.id, societyId), request, context.actor, now);
      const after = await this.reload(trx, societyId, year);
      await recordMove(trx, context.actor, record, ANNUAL_REPORT, subject, move, {
        before,
        after: { ...after, returnRound: round.round, returnDeadline: round.deadline, comments: round.comments },
      });
      // A returned report no longer counts as filed: what is computed from the year follows.
      await this.yearChanged(trx, societyId, year);
      return round;
    });
  }

  /** Every round of returns of the report, with its comments. */
  async returns(principal: Principal, societyId: string, year: number) {
    await requireSociety(this.db, principal.scope, societyId);
    const row = await repo.findReport(this.db, societyId, year);
    if (!row) throw errors.notFound('Annual report');
    return listRounds(this.db, ['annual_report'], row.id);
  }

  async getInspection(principal: Principal, societyId: string, year: number): Promise<Inspection> {
    await requireSociety(this.db, principal.scope, societyId);
    const row = await repo.findInspection(this.db, societyId, year);
    if (!row) throw errors.notFound('Inspection');
    return toInspection(row);
  }

  /** Records the inspection result (create or replace; replacing needs If-Match). */
  async putInspection(
    { principal, context }: Caller,
    societyId: string,
    year: number,
    ifMatch: () => number | null,
    input: Static<typeof InspectionPutSchema>,
  ): Promise<{ inspection: Inspection; created: boolean }> {
    if (year >= new Date().getUTCFullYear() + 1) {
      throw errors.validation([
        { path: '/params/year', code: 'in_future', message: 'Inspections are for past years.' },
      ]);
    }
    return write(this.db, context, async (trx, record) => {
      await requireSociety(trx, principal.scope, societyId, { forUpdate: true });
      const report = await repo.findReport(trx, societyId, year);
      if (input.result !== 'absent' && report?.status !== 'submitted') {
        throw errors.ruleViolation(`No ${year} report has been filed; only "absent" can be recorded.`, [
          {
            path: '/body/result',
            code: 'no_report',
            message: 'Without a filed report the result can only be 未参检 (absent).',
          },
        ]);
      }
      const current = await repo.findInspection(trx, societyId, year, { forUpdate: true });
      const recorded = {
        result: input.result,
        comments: input.comments ?? null,
        recordedBy: principal.name,
        at: new Date(),
      };
      if (current) {
        const expected = ifMatch();
        assertVersion(current.version, expected);
        await repo.updateInspection(trx, societyId, year, recorded);
      } else {
        await repo.insertInspection(trx, societyId, year, recorded);
      }
      const row = await repo.findInspection(trx, societyId, year);
      if (!row) throw errors.notFound('Inspection');
      const inspection = toInspection(row);
      record({
        action: 'inspection.record',
        resourceType: 'inspection',
        resourceId: `${societyId}/${year}`,
        societyId,
        before: current ? toInspection(current) : null,
        after: inspection,
        event: 'inspection.recorded',
      });
      await this.yearChanged(trx, societyId, year);
      return { inspection, created: !current };
    });
  }

  /** Every society on the list or warned, with the evidence (SPEC §1, 能上能下). */
  async disqualificationCandidates(principal: Principal): Promise<Static<typeof DisqualificationListSchema>> {
    const on = localToday();
    const societies = await repo.societiesWithDormancy(this.db, principal.scope);
    const inspections = await repo.inspectionsFor(
      this.db,
      societies.map((s) => s.id),
    );
    const lastInspectionYear = Number(on.slice(0, 4)) - 1;
    const items = societies.flatMap((society) => {
      const byYear: Record<number, InspectionResult> = {};
      for (const i of inspections) if (i.society_id === society.id) byYear[i.year] = i.result;
      const assessment = assessDisqualification({
        inspections: byYear,
        dormantSince: society.status === 'dormant' ? society.dormant_since : null,
        today: on,
        lastInspectionYear,
      });
      if (assessment.level === 'none') return [];
      return [
        {
          society: { id: society.id, name: society.name, status: society.status },
          level: assessment.level,
          evidence: assessment.evidence,
        },
      ];
    });
    items.sort((a, b) => (a.level === b.level ? 0 : a.level === 'candidate' ? -1 : 1));
    return { items, nextCursor: null, assessedOn: on };
  }
}
