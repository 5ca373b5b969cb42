import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { Type } from 'typebox';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, principalOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, PageQuery, problems, ref } from '../../lib/schemas';
import { transitionVersion } from '../../lib/transitions';
import { ReturnRequestSchema, ReturnRoundPageSchema, ReturnRoundSchema } from '../returns/returns.schemas';
import {
  AnnualReportCreateSchema,
  AnnualReportPageSchema,
  AnnualReportPutSchema,
  AnnualReportSchema,
  DisqualificationListSchema,
  InspectionPutSchema,
  InspectionSchema,
  ReportQueueQuerySchema,
  YearParams,
} from './reports.schemas';
import type { ReportService } from './reports.service';

const tags = ['governance'];
const READ = ACCESS.reports.read;
const FILE = ACCESS.reports.file;

/** Routes under /v1/societies/{id}: a society's own reports and inspections. */
export const societyReportRoutes: FastifyPluginAsyncTypebox<{ reports: ReportService }> = async (app, { reports }) => {
  app.get(
    '/:id/annual-reports',
    {
      config: { access: READ },
      schema: {
        operationId: 'listAnnualReports',
        tags,
        summary: 'A society’s annual reports, most recently changed first',
        params: IdParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: ref(AnnualReportPageSchema), ...problems(404) },
      },
    },
    async (request) => reports.list(principalOf(request), { ...request.query, societyId: request.params.id }),
  );

  app.post(
    '/:id/annual-reports',
    {
      config: { access: FILE },
      schema: {
        operationId: 'createAnnualReport',
        tags,
        summary: 'File (or draft) the annual report for a year',
        description: 'A report that contradicts itself is 422 naming each field; nothing is stored.',
        params: IdParams,
        body: ref(AnnualReportCreateSchema),
        response: { 201: ref(AnnualReportSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const report = await reports.create(callerOf(request), request.params.id, request.body);
      return sendCreated(reply, `/v1/societies/${request.params.id}/annual-reports/${report.year}`, report);
    },
  );

  app.get(
    '/:id/annual-reports/:year',
    {
      config: { access: READ },
      schema: {
        operationId: 'getAnnualReport',
        tags,
        summary: 'The annual report for a year, with its inspection result',
        params: YearParams,
        response: { 200: ref(AnnualReportSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const report = await reports.get(principalOf(request), request.params.id, request.params.year);
      setEtag(reply, report.version);
      return report;
    },
  );

  app.put(
    '/:id/annual-reports/:year',
    {
      config: { access: FILE },
      schema: {
        operationId: 'replaceAnnualReport',
        tags,
        summary: 'Replace a report’s content (needs If-Match); closed once inspected',
        params: YearParams,
        headers: IfMatchHeaders,
        body: ref(AnnualReportPutSchema),
        response: { 200: ref(AnnualReportSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const report = await reports.replace(
        callerOf(request),
        request.params.id,
        request.params.year,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, report.version);
      return report;
    },
  );

  app.post(
    '/:id/annual-reports/:year/returns',
    {
      config: { access: ACCESS.reports.sendBack },
      schema: {
        operationId: 'returnAnnualReport',
        tags,
        summary: 'Send a filed report back for correction (退回修改), with what to fix and a deadline',
        description:
          'Moves the report from submitted to returned (Association staff only; If-Match optional) and opens a round of comments. The society edits it (PUT) and files it again with submit by the deadline; until then it counts as not filed. An inspected report cannot be sent back (409).',
        params: YearParams,
        headers: IfMatchHeaders,
        body: ref(ReturnRequestSchema),
        response: { 201: ref(ReturnRoundSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { id, year } = request.params;
      const round = await reports.sendBack(callerOf(request), id, year, transitionVersion(request), request.body);
      return reply.header('location', `/v1/societies/${id}/annual-reports/${year}/returns`).code(201).send(round);
    },
  );

  app.get(
    '/:id/annual-reports/:year/returns',
    {
      config: { access: READ },
      schema: {
        operationId: 'listAnnualReportReturns',
        tags,
        summary: 'Every round of returns of a report, with its comments and where it stands',
        params: YearParams,
        response: { 200: ref(ReturnRoundPageSchema), ...problems(404) },
      },
    },
    async (request) => reports.returns(principalOf(request), request.params.id, request.params.year),
  );

  app.get(
    '/:id/inspections/:year',
    {
      config: { access: READ },
      schema: {
        operationId: 'getInspection',
        tags,
        summary: 'The annual inspection result for a year',
        params: YearParams,
        response: { 200: ref(InspectionSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const inspection = await reports.getInspection(principalOf(request), request.params.id, request.params.year);
      setEtag(reply, inspection.version);
      return inspection;
    },
  );

  app.put(
    '/:id/inspections/:year',
    {
      config: { access: ACCESS.reports.inspect },
      schema: {
        operationId: 'recordInspection',
        tags,
        summary: 'Record the annual inspection result (年检); replacing one needs If-Match',
        params: YearParams,
        headers: IfMatchHeaders,
        body: ref(InspectionPutSchema),
        response: { 200: ref(InspectionSchema), 201: ref(InspectionSchema), ...problems(404, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const { inspection, created } = await reports.putInspection(
        callerOf(request),
        request.params.id,
        request.params.year,
        () => expectedVersion(request),
        request.body,
      );
      setEtag(reply, inspection.version);
      return reply.code(created ? 201 : 200).send(inspection);
    },
  );
};

/** Routes across societies: the staff's review queue and the disqualification list. */
export const reportQueueRoutes: FastifyPluginAsyncTypebox<{ reports: ReportService }> = async (app, { reports }) => {
  app.get(
    '/annual-reports',
    {
      config: { access: READ },
      schema: {
        operationId: 'listAllAnnualReports',
        tags,
        summary: 'Annual reports across societies: the review queue (status=submitted&inspected=false)',
        querystring: ReportQueueQuerySchema,
        response: { 200: ref(AnnualReportPageSchema) },
      },
    },
    async (request) => reports.list(principalOf(request), request.query),
  );

  app.get(
    '/disqualification-candidates',
    {
      config: { access: ACCESS.reports.oversee },
      schema: {
        operationId: 'listDisqualificationCandidates',
        tags,
        summary: 'Societies on the disqualification list (发函解除资格) or warned, with the evidence',
        response: { 200: ref(DisqualificationListSchema) },
      },
    },
    async (request) => reports.disqualificationCandidates(principalOf(request)),
  );
};
