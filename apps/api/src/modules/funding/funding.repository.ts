import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import type { FundingApplicationRow, FundingProgramRow } from '../../db/database';
import { errors } from '../../lib/errors';
import type { SocietyScope } from '../../lib/request-context';
import { societiesReached } from '../../lib/society-scope';
import { storedJson } from '../../lib/stored-json';
import type { Trx } from '../../lib/write';
import {
  ApplicationDecisionSchema,
  AttachmentSchema,
  BudgetLineSchema,
  FinalReportSchema,
  type FundingApplication,
  type FundingProgram,
  ProgramCategorySchema,
  RubricCriterionSchema,
  ScreeningCheckSchema,
  ScreeningResultSchema,
} from './funding.schemas';

const context = {
  ProgramCategory: ProgramCategorySchema,
  RubricCriterion: RubricCriterionSchema,
  BudgetLine: BudgetLineSchema,
  Attachment: AttachmentSchema,
  ScreeningCheck: ScreeningCheckSchema,
  ScreeningResult: ScreeningResultSchema,
  FinalReport: FinalReportSchema,
  ApplicationDecision: ApplicationDecisionSchema,
};
const readCategories = storedJson(context, Type.Array(Type.Ref('ProgramCategory')), 'program categories');
const readRubric = storedJson(context, Type.Array(Type.Ref('RubricCriterion')), 'program rubric');
const readBudgetLines = storedJson(context, Type.Array(Type.Ref('BudgetLine')), 'budget lines');
const readAttachments = storedJson(context, Type.Array(Type.Ref('Attachment')), 'attachments');
const readStrings = storedJson({}, Type.Array(Type.String()), 'string list');
const readScreening = storedJson(context, Type.Union([Type.Ref('ScreeningResult'), Type.Null()]), 'screening');
const readFinalReport = storedJson(context, Type.Union([Type.Ref('FinalReport'), Type.Null()]), 'final report');
const readDecision = storedJson(context, Type.Union([Type.Ref('ApplicationDecision'), Type.Null()]), 'decision');

export { readStrings };

export function toProgram(row: FundingProgramRow): FundingProgram {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    description: row.description,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    totalBudgetFen: row.total_budget_fen,
    categories: readCategories(row.categories),
    rubric: readRubric(row.rubric),
    minimumScore: row.minimum_score,
    reviewersPerApplication: row.reviewers_per_application,
    scoringMethod: row.scoring_method,
    allocationStrategy: row.allocation_strategy,
    noticeWorkingDays: row.notice_working_days,
    allowMultiplePerCategory: row.allow_multiple_per_category,
    status: row.status,
    noticeStartsOn: row.notice_starts_on,
    noticeEndsOn: row.notice_ends_on,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export type ApplicationRowWithSociety = FundingApplicationRow & { society_name: string };

export function toApplication(row: ApplicationRowWithSociety): FundingApplication {
  return {
    id: row.id,
    programId: row.program_id,
    societyId: row.society_id,
    societyName: row.society_name,
    categoryCode: row.category_code,
    title: row.title,
    summary: row.summary,
    plannedOn: row.planned_on,
    place: row.place,
    expectedParticipants: row.expected_participants,
    disciplines: readStrings(row.disciplines),
    budgetLines: readBudgetLines(row.budget_lines),
    requestedFen: row.requested_fen,
    selfFundedFen: row.self_funded_fen,
    attachments: readAttachments(row.attachments),
    adjustedFen: row.adjusted_fen,
    adjustmentReason: row.adjustment_reason,
    status: row.status,
    screening: readScreening(row.screening),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    score: row.score,
    scoreExplanation: row.score_explanation,
    allocatedFen: row.allocated_fen,
    decision: readDecision(row.decision),
    finalReport: readFinalReport(row.final_report),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findProgram(db: DB | Trx, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('funding_programs').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw errors.notFound('Funding program');
  return row;
}

export function applicationQuery(db: DB | Trx) {
  return db
    .selectFrom('funding_applications')
    .innerJoin('societies', 'societies.id', 'funding_applications.society_id')
    .selectAll('funding_applications')
    .select('societies.name as society_name');
}

/** The columns ranking and allocation read: thousands of rows, so none of the bulky JSON but the decision. */
export function rankingQuery(db: DB | Trx) {
  return db
    .selectFrom('funding_applications')
    .innerJoin('societies', 'societies.id', 'funding_applications.society_id')
    .select([
      'funding_applications.id',
      'funding_applications.society_id',
      'funding_applications.category_code',
      'funding_applications.title',
      'funding_applications.status',
      'funding_applications.version',
      'funding_applications.score',
      'funding_applications.first_criterion',
      'funding_applications.submitted_at',
      'funding_applications.created_at',
      'funding_applications.requested_fen',
      'funding_applications.adjusted_fen',
      'funding_applications.allocated_fen',
      'funding_applications.decision',
      'societies.name as society_name',
    ]);
}

/**
 * An application the caller may see: a society's people see their own society's only, and another
 * society's application is "not found" rather than forbidden.
 */
export async function findApplication(
  db: DB | Trx,
  scope: SocietyScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApplicationRowWithSociety> {
  let q = applicationQuery(db).where('funding_applications.id', '=', id);
  const reached = societiesReached(scope);
  if (reached) q = q.where('funding_applications.society_id', 'in', reached);
  if (options.forUpdate) q = q.forUpdate('funding_applications');
  const row = await q.executeTakeFirst();
  if (!row) throw errors.notFound('Application');
  return row;
}

export { readAttachments, readBudgetLines, readCategories, readDecision, readRubric, readScreening };
