import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { Type } from 'typebox';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, contextOf, principalOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, problems, ref, TransitionRequestSchema, Uuid } from '../../lib/schemas';
import { transitionVersion } from '../../lib/transitions';
import { ReturnRequestSchema, ReturnRoundPageSchema, ReturnRoundSchema } from '../returns/returns.schemas';
import type { ApplicationService } from './applications.service';
import { AllocationRequestSchema, AllocationResultSchema, RankingSchema } from './decisions.schemas';
import type { DecisionService } from './decisions.service';
import {
  AllocationStrategySchema,
  ApplicationListQuerySchema,
  ApplicationTransitionPageSchema,
  FinalReportSchema,
  FundingApplicationCreateSchema,
  FundingApplicationPageSchema,
  FundingApplicationPatchSchema,
  FundingApplicationSchema,
  FundingProgramCreateSchema,
  FundingProgramPageSchema,
  FundingProgramPatchSchema,
  FundingProgramSchema,
  ProgramListQuerySchema,
  ScreeningResultSchema,
} from './funding.schemas';
import {
  ObjectionCreateSchema,
  ObjectionListSchema,
  ObjectionReceiptSchema,
  ObjectionResolutionSchema,
  ObjectionSchema,
  PublicNoticeListSchema,
  PublicObjectionSchema,
} from './notices.schemas';
import type { NoticeService } from './notices.service';
import type { ProgramService } from './programs.service';
import {
  AssignmentBoardSchema,
  AutoAssignResultSchema,
  DeclarationResultSchema,
  DeclarationSchema,
  DeclineSchema,
  ManualAssignmentSchema,
  MyReviewPutSchema,
  QueueSchema,
  RecusalRequestSchema,
  ReviewAssignmentSchema,
  ReviewListSchema,
  ReviewSchema,
} from './reviews.schemas';
import type { ReviewService } from './reviews.service';

const tags = ['funding'];
const READ_PROGRAMS = ACCESS.funding.programs;
const STAFF_READ = ACCESS.funding.staffRead;
const STAFF = ACCESS.funding.staff;
const APPLICANTS_READ = ACCESS.funding.applicationsRead;
const APPLICANTS = ACCESS.funding.apply;
const ANY_READ = READ_PROGRAMS;
const REVIEWER = ACCESS.funding.review;

export interface FundingServices {
  programs: ProgramService;
  applications: ApplicationService;
  reviews: ReviewService;
  decisions: DecisionService;
  notices: NoticeService;
}

/** `/v1/funding-programs`: the call, its applications, the assignment board, ranking and allocation. */
export const programRoutes: FastifyPluginAsyncTypebox<FundingServices> = async (app, services) => {
  const { programs, applications, reviews, decisions, notices } = services;

  app.get(
    '/',
    {
      config: { access: READ_PROGRAMS },
      schema: {
        operationId: 'listFundingPrograms',
        tags,
        summary: 'Funding programs (annual calls), newest first',
        querystring: ProgramListQuerySchema,
        response: { 200: ref(FundingProgramPageSchema) },
      },
    },
    async (request) => programs.list(request.query),
  );

  app.post(
    '/',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'createFundingProgram',
        tags,
        summary: 'Set up a program (draft); omitted settings take the defaults of seeds/001',
        body: ref(FundingProgramCreateSchema),
        response: { 201: ref(FundingProgramSchema), ...problems(422) },
      },
    },
    async (request, reply) => {
      const program = await programs.create(callerOf(request), request.body);
      return sendCreated(reply, `/v1/funding-programs/${program.id}`, program);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: READ_PROGRAMS },
      schema: {
        operationId: 'getFundingProgram',
        tags,
        summary: 'A funding program',
        params: IdParams,
        response: { 200: ref(FundingProgramSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const program = await programs.get(request.params.id);
      setEtag(reply, program.version);
      return program;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'updateFundingProgram',
        tags,
        summary: 'Change a program’s settings (needs If-Match); fixed once the call is open, except a later close',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(FundingProgramPatchSchema),
        response: { 200: ref(FundingProgramSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const program = await programs.update(
        callerOf(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, program.version);
      return program;
    },
  );

  app.post(
    '/:id/transitions',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'transitionFundingProgram',
        tags,
        summary: 'Move the program through its lifecycle; its applications move with it',
        description:
          'draft → open; open → closed (screens every submitted application); closed → open | reviewing (admits those that passed, assigns reviewers); reviewing → deciding (needs the program’s reviewersPerApplication submitted reviews per application; scores them); deciding → notice (after the allocation; computes the notice period in working days); notice → finalised (after the notice ends with no open objection; funds the projects); notice → deciding (no open objection; reopens the decision: projects under notice return to approved, those turned down for want of budget to reviewed, so the allocation can pass released money on; then a new notice).',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(TransitionRequestSchema),
        response: { 200: ref(FundingProgramSchema), ...problems(404, 409, 412, 422) },
      },
    },
    async (request, reply) => {
      const program = await programs.transition(
        callerOf(request),
        request.params.id,
        transitionVersion(request),
        request.body,
      );
      setEtag(reply, program.version);
      return program;
    },
  );

  app.get(
    '/:id/applications',
    {
      config: { access: APPLICANTS_READ },
      schema: {
        operationId: 'listApplications',
        tags,
        summary: 'Applications to a program (a society sees its own)',
        params: IdParams,
        querystring: ApplicationListQuerySchema,
        response: { 200: ref(FundingApplicationPageSchema), ...problems(404) },
      },
    },
    async (request) => applications.list(principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/applications',
    {
      config: { access: APPLICANTS },
      schema: {
        operationId: 'createApplication',
        tags,
        summary: 'Start an application (draft) while the call is open',
        params: IdParams,
        body: ref(FundingApplicationCreateSchema),
        response: { 201: ref(FundingApplicationSchema), ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const application = await applications.create(callerOf(request), request.params.id, request.body);
      return sendCreated(reply, `/v1/applications/${application.id}`, application);
    },
  );

  app.get(
    '/:id/assignments',
    {
      config: { access: STAFF_READ },
      schema: {
        operationId: 'getAssignmentBoard',
        tags,
        summary: 'The assignment board: reviewers per application, conflicts, quorum and loads',
        params: IdParams,
        response: { 200: ref(AssignmentBoardSchema), ...problems(404) },
      },
    },
    async (request) => reviews.board(request.params.id),
  );

  app.post(
    '/:id/assignments',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'autoAssignReviewers',
        tags,
        summary: 'Fill every application up to the program’s number of reviewers (no conflicts, balanced)',
        params: IdParams,
        response: { 200: ref(AutoAssignResultSchema), ...problems(404, 422) },
      },
    },
    async (request) => reviews.autoAssign(callerOf(request), request.params.id),
  );

  app.post(
    '/:id/assignments/manual',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'assignReviewerManually',
        tags,
        summary: 'Assign a reviewer by hand with a reason (an override when in conflict; logged)',
        params: IdParams,
        body: ref(ManualAssignmentSchema),
        response: { 201: ref(ReviewAssignmentSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const assignment = await reviews.assignManually(callerOf(request), request.params.id, request.body);
      return reply.code(201).send(assignment);
    },
  );

  app.get(
    '/:id/declarations/mine',
    {
      config: { access: REVIEWER },
      schema: {
        operationId: 'getMyDeclaration',
        tags,
        summary: 'My declaration of interest for this program',
        params: IdParams,
        response: { 200: ref(DeclarationResultSchema), ...problems(404) },
      },
    },
    async (request) => reviews.declaration(principalOf(request), request.params.id),
  );

  app.put(
    '/:id/declarations/mine',
    {
      config: { access: REVIEWER },
      schema: {
        operationId: 'putMyDeclaration',
        tags,
        summary: 'Declare the societies I must not review in this program; conflicting assignments are given up',
        params: IdParams,
        body: ref(DeclarationSchema),
        response: { 200: ref(DeclarationResultSchema), ...problems(404, 422) },
      },
    },
    async (request) => reviews.declare(callerOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/ranking',
    {
      config: { access: STAFF_READ },
      schema: {
        operationId: 'getRanking',
        tags,
        summary: 'Ranking per category with the funding line and a trial allocation, explained row by row',
        params: IdParams,
        querystring: Type.Object(
          { strategy: Type.Optional(ref(AllocationStrategySchema)) },
          { additionalProperties: false },
        ),
        response: { 200: ref(RankingSchema), ...problems(404) },
      },
    },
    async (request) => decisions.ranking(request.params.id, request.query.strategy),
  );

  app.post(
    '/:id/allocation',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'applyAllocation',
        tags,
        summary: 'Apply the ranking to decisions (or preview it with dryRun); never exceeds a budget',
        params: IdParams,
        body: ref(AllocationRequestSchema),
        response: { 200: ref(AllocationResultSchema), ...problems(404, 409, 422) },
      },
    },
    async (request) => decisions.allocate(callerOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/objections',
    {
      config: { access: STAFF_READ },
      schema: {
        operationId: 'listObjections',
        tags,
        summary: 'Objections filed against the program’s public notice',
        params: IdParams,
        response: { 200: ref(ObjectionListSchema), ...problems(404) },
      },
    },
    async (request) => notices.list(request.params.id),
  );
};

/** `/v1/applications/{id}`: one application, its screening, transitions, reviews and final report. */
export const applicationRoutes: FastifyPluginAsyncTypebox<FundingServices> = async (app, { applications, reviews }) => {
  app.get(
    '/:id',
    {
      config: { access: ANY_READ },
      schema: {
        operationId: 'getApplication',
        tags,
        summary: 'An application (reviewers: only those assigned to them)',
        params: IdParams,
        response: { 200: ref(FundingApplicationSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const application = await applications.get(principalOf(request), request.params.id);
      setEtag(reply, application.version);
      return application;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: APPLICANTS },
      schema: {
        operationId: 'updateApplication',
        tags,
        summary: 'Edit a draft (the society), or adjust the amount to fund after review (staff, with a reason)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(FundingApplicationPatchSchema),
        response: { 200: ref(FundingApplicationSchema), ...problems(403, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const application = await applications.update(
        callerOf(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, application.version);
      return application;
    },
  );

  app.get(
    '/:id/transitions',
    {
      config: { access: APPLICANTS_READ },
      schema: {
        operationId: 'listApplicationTransitions',
        tags,
        summary: 'The application’s history of state changes',
        params: IdParams,
        response: { 200: ref(ApplicationTransitionPageSchema), ...problems(404) },
      },
    },
    async (request) => applications.transitions(principalOf(request), request.params.id),
  );

  app.post(
    '/:id/transitions',
    {
      config: { access: APPLICANTS },
      schema: {
        operationId: 'transitionApplication',
        tags,
        summary:
          'Submit or withdraw (the society), or submit again after a return for correction (screened again at once); admit to review or reject after screening, close after the final report (staff). Sending back for correction is POST …/returns.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(TransitionRequestSchema),
        response: { 200: ref(FundingApplicationSchema), ...problems(404, 409, 412, 422) },
      },
    },
    async (request, reply) => {
      const application = await applications.transition(
        callerOf(request),
        request.params.id,
        transitionVersion(request),
        request.body,
      );
      setEtag(reply, application.version);
      return application;
    },
  );

  app.post(
    '/:id/returns',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'returnApplication',
        tags,
        summary:
          'Send an application in screening, or a funded project’s final report, back for correction (退回修改), with what to fix and a deadline',
        description:
          'Staff only (If-Match optional). An application in screening, while the call is closed and before review opens: the society edits it (PATCH) and submits it again (transition to submitted) by the deadline, which screens it afresh; still returned after the deadline, it is rejected (failed 形式审查); opening review waits until no application is returned. A final report (application reported): the project goes back to funded and the society files the final report again (PUT …/final-report); a late one is still taken (the project cannot close without it) and the round shows as overdue meanwhile.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(ReturnRequestSchema),
        response: { 201: ref(ReturnRoundSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const round = await applications.sendBack(
        callerOf(request),
        request.params.id,
        transitionVersion(request),
        request.body,
      );
      return reply.header('location', `/v1/applications/${request.params.id}/returns`).code(201).send(round);
    },
  );

  app.get(
    '/:id/returns',
    {
      config: { access: APPLICANTS_READ },
      schema: {
        operationId: 'listApplicationReturns',
        tags,
        summary:
          'Every round of returns of an application and of its final report, with comments and where each stands',
        params: IdParams,
        response: { 200: ref(ReturnRoundPageSchema), ...problems(404) },
      },
    },
    async (request) => applications.returns(principalOf(request), request.params.id),
  );

  app.get(
    '/:id/screening',
    {
      config: { access: APPLICANTS_READ },
      schema: {
        operationId: 'getScreening',
        tags,
        summary: 'The screening (形式审查) with every check explained; for a draft, a preview',
        params: IdParams,
        response: { 200: ref(ScreeningResultSchema), ...problems(404) },
      },
    },
    async (request) => applications.screening(principalOf(request), request.params.id),
  );

  app.put(
    '/:id/final-report',
    {
      config: { access: APPLICANTS },
      schema: {
        operationId: 'fileFinalReport',
        tags,
        summary: 'File the final report of a funded project (结项): actual spending and outcomes',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(FinalReportSchema),
        response: { 200: ref(FundingApplicationSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const application = await applications.finalReport(
        callerOf(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, application.version);
      return application;
    },
  );

  app.get(
    '/:id/reviews',
    {
      config: { access: ANY_READ },
      schema: {
        operationId: 'listReviews',
        tags,
        summary: 'Reviews of an application: names for staff only; others’ scores hidden until review closes',
        params: IdParams,
        response: { 200: ref(ReviewListSchema), ...problems(404) },
      },
    },
    async (request) => reviews.list(principalOf(request), request.params.id),
  );

  app.put(
    '/:id/reviews/mine',
    {
      config: { access: REVIEWER },
      schema: {
        operationId: 'putMyReview',
        tags,
        summary: 'Save or submit my scores and justification',
        params: IdParams,
        body: ref(MyReviewPutSchema),
        response: { 200: ref(ReviewSchema), ...problems(403, 404, 409, 422) },
      },
    },
    async (request) => reviews.putMine(callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/reviews/mine/decline',
    {
      config: { access: REVIEWER },
      schema: {
        operationId: 'declineMyReview',
        tags,
        summary: 'Decline an assignment with a reason; the application is re-assigned at once',
        params: IdParams,
        body: ref(DeclineSchema),
        response: { 200: ref(AutoAssignResultSchema), ...problems(403, 404, 409, 422) },
      },
    },
    async (request) => reviews.declineMine(callerOf(request), request.params.id, request.body),
  );
};

/** `/v1/reviews/mine`, `/v1/review-assignments/{id}/recusal`, `/v1/objections/{id}/resolution`. */
export const reviewQueueRoutes: FastifyPluginAsyncTypebox<FundingServices> = async (app, { reviews, notices }) => {
  app.get(
    '/reviews/mine',
    {
      config: { access: REVIEWER },
      schema: {
        operationId: 'listMyReviews',
        tags,
        summary: 'My review queue',
        response: { 200: ref(QueueSchema), ...problems(403) },
      },
    },
    async (request) => reviews.queue(principalOf(request)),
  );

  app.post(
    '/review-assignments/:id/recusal',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'recuseReviewer',
        tags,
        summary: 'Take a reviewer off an application (回避) with a reason; the gap is filled again',
        params: IdParams,
        body: ref(RecusalRequestSchema),
        response: { 200: ref(AutoAssignResultSchema), ...problems(404, 409, 422) },
      },
    },
    async (request) => reviews.recuse(callerOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/objections/:id/resolution',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'resolveObjection',
        tags,
        summary:
          'Resolve an objection: upheld rejects the project it concerns (named by the objection, or by staff for one to the whole notice); dismissed leaves the decision',
        params: IdParams,
        body: ref(ObjectionResolutionSchema),
        response: { 200: ref(ObjectionSchema), ...problems(404, 409, 422) },
      },
    },
    async (request) => notices.resolve(callerOf(request), request.params.id, request.body),
  );
};

/** `/v1/public/notices`: no login. Filing an objection is rate-limited per address. */
export const publicNoticeRoutes: FastifyPluginAsyncTypebox<{
  notices: NoticeService;
  objectionsPerHour: number;
}> = async (app, { notices, objectionsPerHour }) => {
  app.get(
    '/',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listPublicNotices',
        tags: ['public'],
        summary: 'What is under public notice (公示) now, and notices ended in the last 30 days',
        response: { 200: ref(PublicNoticeListSchema) },
      },
    },
    async () => notices.publicNotices(),
  );

  app.post(
    '/:id/objections',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'fileObjection',
        tags: ['public'],
        summary: 'File an objection to a notice, signed with a real name or a unit (anonymous ones are refused)',
        description: `One address may have ${objectionsPerHour} objections accepted an hour (429 with Retry-After beyond); objections refused (422, 404) do not count.`,
        params: IdParams,
        body: ref(ObjectionCreateSchema),
        response: { 201: ref(ObjectionReceiptSchema), ...problems(404, 422, 429) },
      },
    },
    async (request, reply) => {
      const receipt = await notices.fileObjection(contextOf(request), request.params.id, request.body);
      return reply
        .code(201)
        .header('location', `/v1/public/notices/${request.params.id}/objections/${receipt.id}`)
        .send(receipt);
    },
  );

  app.get(
    '/:id/objections/:objectionId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPublicObjection',
        tags: ['public'],
        summary: 'Where a filed objection stands (open, upheld, dismissed), by the reference given on filing',
        params: Type.Object({ id: Uuid, objectionId: Uuid }),
        response: { 200: ref(PublicObjectionSchema), ...problems(404) },
      },
    },
    async (request) => notices.publicObjection(request.params.id, request.params.objectionId),
  );
};
