import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, principalOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, problems, ref } from '../../lib/schemas';
import { ImportResponseSchema } from '../members/members.schemas';
import { YearParams } from '../reports/reports.schemas';
import {
  ActivityCreateSchema,
  ActivityImportRequestSchema,
  ActivityListQuerySchema,
  ActivityPageSchema,
  ActivityPatchSchema,
  ActivitySchema,
  ActivityStatisticsQuerySchema,
  ActivityStatisticsSchema,
  AnnualActivityFiguresSchema,
} from './activities.schemas';
import type { ActivityService } from './activities.service';
import { activityStatistics, annualActivityFigures } from './activity-figures';

const tags = ['activities'];
const READ = ACCESS.activities.read;
const WRITE = ACCESS.activities.write;

/** Under /v1/societies: a society's record of activities, its import and the annual report's figures. */
export const societyActivityRoutes: FastifyPluginAsyncTypebox<{ activities: ActivityService; db: DB }> = async (
  app,
  { activities, db },
) => {
  app.get(
    '/:id/activities',
    {
      config: { access: READ },
      schema: {
        operationId: 'listActivities',
        tags,
        summary: 'A society’s activities, the latest first (filter by kind, year, month, published, text)',
        params: IdParams,
        querystring: ActivityListQuerySchema,
        response: { 200: ref(ActivityPageSchema), ...problems(404) },
      },
    },
    async (request) => activities.list(principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/activities',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'createActivity',
        tags,
        summary: 'Record an activity (a conference, lecture, 科普 event, advisory report, …)',
        description: 'Every rule the activity breaks is named at once (422), e.g. an end before the start.',
        params: IdParams,
        body: ref(ActivityCreateSchema),
        response: { 201: ref(ActivitySchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const activity = await activities.create(callerOf(request), request.params.id, request.body);
      return sendCreated(reply, `/v1/activities/${activity.id}`, activity);
    },
  );

  app.post(
    '/:id/activities/import',
    {
      config: { access: WRITE },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        operationId: 'importActivities',
        tags,
        summary: 'Import up to 1000 activities at once, with per-row results',
        description:
          'Rows are matched by externalRef, else by the same title and start date; each row is created, updated, unchanged or reported with its errors, on its own. dryRun validates and matches without writing. Importing the same rows again changes nothing.',
        params: IdParams,
        body: ref(ActivityImportRequestSchema),
        response: { 200: ref(ImportResponseSchema), ...problems(404) },
      },
    },
    async (request) => activities.import(callerOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/annual-reports/:year/activity-figures',
    {
      config: { access: ACCESS.reports.read },
      schema: {
        operationId: 'getAnnualActivityFigures',
        tags,
        summary: 'The annual report’s activity figures counted from the record, beside those the report states',
        params: YearParams,
        response: { 200: ref(AnnualActivityFiguresSchema), ...problems(404) },
      },
    },
    async (request) => annualActivityFigures(db, principalOf(request), request.params.id, request.params.year),
  );
};

/** Under /v1/activities: one activity, and the totals over every society the caller may see. */
export const activityRoutes: FastifyPluginAsyncTypebox<{ activities: ActivityService; db: DB }> = async (
  app,
  { activities, db },
) => {
  app.get(
    '/statistics',
    {
      config: { access: READ },
      schema: {
        operationId: 'getActivityStatistics',
        tags,
        summary: 'Held activities of a year by kind, month and society; societyId drills down to one society',
        querystring: ActivityStatisticsQuerySchema,
        response: { 200: ref(ActivityStatisticsSchema), ...problems(404) },
      },
    },
    async (request) => activityStatistics(db, principalOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      config: { access: READ },
      schema: {
        operationId: 'getActivity',
        tags,
        summary: 'An activity',
        params: IdParams,
        response: { 200: ref(ActivitySchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const activity = await activities.get(principalOf(request), request.params.id);
      setEtag(reply, activity.version);
      return activity;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updateActivity',
        tags,
        summary: 'Change an activity, e.g. publish it (JSON merge patch; needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(ActivityPatchSchema),
        response: { 200: ref(ActivitySchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const activity = await activities.update(
        callerOf(request),
        request.params.id,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, activity.version);
      return activity;
    },
  );

  app.delete(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'deleteActivity',
        tags,
        summary: 'Delete an activity recorded by mistake (needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problems(404, 412, 428) },
      },
    },
    async (request, reply) => {
      await activities.remove(callerOf(request), request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
};
