import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { expectedVersion, setEtag } from '../../lib/etag';
import { callerOf } from '../../lib/request-context';
import { IfMatchHeaders, problems, ref } from '../../lib/schemas';
import { CalendarQuerySchema, CalendarYearPutSchema, CalendarYearSchema } from './calendar.schemas';
import type { CalendarService } from './calendar.service';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncTypebox<{ calendar: CalendarService }> = async (app, { calendar }) => {
  app.get(
    '/holidays',
    {
      config: { access: ACCESS.calendar.read },
      schema: {
        operationId: 'getCalendar',
        tags,
        summary: 'The working-day calendar of a year: public holidays and make-up working days (调休)',
        querystring: CalendarQuerySchema,
        response: { 200: ref(CalendarYearSchema) },
      },
    },
    async (request, reply) => {
      const year = await calendar.get(request.query.year ?? new Date().getUTCFullYear());
      if (year.version !== null) setEtag(reply, year.version);
      return year;
    },
  );

  app.put(
    '/holidays',
    {
      config: { access: ACCESS.calendar.write },
      schema: {
        operationId: 'putCalendar',
        tags,
        summary: 'Set a year’s holidays and make-up working days; replacing a year needs If-Match',
        headers: IfMatchHeaders,
        body: ref(CalendarYearPutSchema),
        response: { 200: ref(CalendarYearSchema), 201: ref(CalendarYearSchema), ...problems(412, 422, 428) },
      },
    },
    async (request, reply) => {
      const { calendar: year, created } = await calendar.put(
        callerOf(request),
        () => expectedVersion(request),
        request.body,
      );
      if (year.version !== null) setEtag(reply, year.version);
      return reply.code(created ? 201 : 200).send(year);
    },
  );
};
