import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { principalOf } from '../../lib/request-context';
import { ref } from '../../lib/schemas';
import { ReminderListSchema, ReminderQuerySchema } from '../reminders/reminders.schemas';
import type { ReminderService } from '../reminders/reminders.service';
import { DashboardSchema } from './dashboard.schemas';
import type { DashboardService } from './dashboard.service';

/** `/v1/stats/dashboard`: the Association's figures, over the societies the caller may see. */
export const dashboardRoutes: FastifyPluginAsyncTypebox<{ dashboard: DashboardService }> = async (
  app,
  { dashboard },
) => {
  app.get(
    '/dashboard',
    {
      config: { access: ACCESS.societies.dashboard },
      schema: {
        operationId: 'getDashboard',
        tags: ['stats'],
        summary:
          'Societies by status and tier, party-organisation coverage, inspections, re-elections due, disqualification, members, funds, pilots',
        description:
          'A society officer or a client bound to societies sees the figures of those societies only. A machine client needs societies:read, and gets the members, funding and pilot sections only with members:read, funding:read and pilots:read (null otherwise). Every figure carries the rows its chart drills down to (societies named, programs by id), and each count of societies is exactly a /v1/societies filter.',
        response: { 200: ref(DashboardSchema) },
      },
    },
    async (request) => dashboard.dashboard(principalOf(request)),
  );
};

/** `/v1/reminders`: what falls due soon for the caller. */
export const reminderRoutes: FastifyPluginAsyncTypebox<{ reminders: ReminderService }> = async (app, { reminders }) => {
  app.get(
    '/',
    {
      config: {
        access: ACCESS.societies.read,
      },
      schema: {
        operationId: 'listReminders',
        tags: ['stats'],
        summary:
          'What falls due soon: annual reports, re-elections, reviews, final reports of funded projects, pilot milestones',
        description:
          'Overdue first, then soonest due. A society officer gets a line per society and deadline; staff and auditors one line per kind with the count, leading to the list of exactly those where one exists; a reviewer the reviews still owed (undated: a program sets no review deadline). A machine client is reminded only of what its scopes read: final reports need funding:read, pilot milestones pilots:read.',
        querystring: ReminderQuerySchema,
        response: { 200: ref(ReminderListSchema) },
      },
    },
    async (request) => reminders.list(principalOf(request), request.query.withinDays),
  );
};
