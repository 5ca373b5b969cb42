import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, principalOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, problems, ref } from '../../lib/schemas';
import { transitionVersion } from '../../lib/transitions';
import {
  CodeParams,
  EligibilitySchema,
  EvaluationPutSchema,
  MilestoneCreateSchema,
  MilestoneListSchema,
  MilestoneParams,
  MilestonePatchSchema,
  MilestoneSchema,
  PilotCreateSchema,
  PilotFunctionCreateSchema,
  PilotFunctionListSchema,
  PilotFunctionPatchSchema,
  PilotFunctionSchema,
  PilotListQuerySchema,
  PilotPageSchema,
  PilotPatchSchema,
  PilotSchema,
  PilotTransitionListSchema,
  PilotTransitionRequestSchema,
} from './pilots.schemas';
import type { PilotService } from './pilots.service';

const tags = ['pilots'];
const READ = ACCESS.pilots.read;
const WRITE = ACCESS.pilots.write;
const STAFF = ACCESS.pilots.staff;

/** `/v1/pilot-functions`: the catalogue of functions government departments hand over. */
export const pilotFunctionRoutes: FastifyPluginAsyncTypebox<{ pilots: PilotService }> = async (app, { pilots }) => {
  app.get(
    '/',
    {
      config: { access: READ },
      schema: {
        operationId: 'listPilotFunctions',
        tags,
        summary: 'The function catalogue (科技评估, 团体标准研制, …), with what each requires',
        response: { 200: ref(PilotFunctionListSchema) },
      },
    },
    async () => pilots.listFunctions(),
  );

  app.post(
    '/',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'createPilotFunction',
        tags,
        summary: 'Add a function to the catalogue',
        body: ref(PilotFunctionCreateSchema),
        response: { 201: ref(PilotFunctionSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => {
      const created = await pilots.createFunction(callerOf(request), request.body);
      return sendCreated(reply, `/v1/pilot-functions/${created.code}`, created);
    },
  );

  app.patch(
    '/:code',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'updatePilotFunction',
        tags,
        summary: 'Change a function: names, requirements, or retire it (needs If-Match)',
        params: CodeParams,
        headers: IfMatchHeaders,
        body: ref(PilotFunctionPatchSchema),
        response: { 200: ref(PilotFunctionSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const updated = await pilots.updateFunction(
        callerOf(request),
        request.params.code,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, updated.version);
      return updated;
    },
  );
};

/** `/v1/pilots`: government-function-transfer pilots (承接政府转移职能试点). */
export const pilotRoutes: FastifyPluginAsyncTypebox<{ pilots: PilotService }> = async (app, { pilots }) => {
  app.get(
    '/',
    {
      config: { access: READ },
      schema: {
        operationId: 'listPilots',
        tags,
        summary: 'Pilots, newest first; filters by status, function, society, department, text',
        description:
          'A society officer sees their societies’ pilots; a department’s client the pilots of its department.',
        querystring: PilotListQuerySchema,
        response: { 200: ref(PilotPageSchema) },
      },
    },
    async (request) => pilots.list(principalOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'proposePilot',
        tags,
        summary: 'Propose a pilot for a society (status proposed)',
        body: ref(PilotCreateSchema),
        response: { 201: ref(PilotSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const pilot = await pilots.create(callerOf(request), request.body);
      return sendCreated(reply, `/v1/pilots/${pilot.id}`, pilot);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: READ },
      schema: {
        operationId: 'getPilot',
        tags,
        summary: 'A pilot, with its performance (on-time milestones, satisfaction, rating)',
        params: IdParams,
        response: { 200: ref(PilotSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const pilot = await pilots.get(principalOf(request), request.params.id);
      setEtag(reply, pilot.version);
      return pilot;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updatePilot',
        tags,
        summary: 'Change a pilot (needs If-Match): the society while proposed, staff until it ends',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(PilotPatchSchema),
        response: { 200: ref(PilotSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const pilot = await pilots.update(callerOf(request), request.params.id, expectedVersion(request), request.body);
      setEtag(reply, pilot.version);
      return pilot;
    },
  );

  app.post(
    '/:id/transitions',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'transitionPilot',
        tags,
        summary: 'Move the pilot through its lifecycle',
        description:
          'The society submits (proposed → eligibility_review) or withdraws (→ terminated); staff decide the rest. Approval is refused (422 rule_violation, each failing check in errors) unless the society is eligible or staff give eligibilityOverride.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(PilotTransitionRequestSchema),
        response: { 200: ref(PilotSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const pilot = await pilots.transition(
        callerOf(request),
        request.params.id,
        transitionVersion(request),
        request.body,
      );
      setEtag(reply, pilot.version);
      return pilot;
    },
  );

  app.get(
    '/:id/transitions',
    {
      config: { access: READ },
      schema: {
        operationId: 'listPilotTransitions',
        tags,
        summary: 'The pilot’s history: every move, with reason and actor',
        params: IdParams,
        response: { 200: ref(PilotTransitionListSchema), ...problems(404) },
      },
    },
    async (request) => pilots.transitions(principalOf(request), request.params.id),
  );

  app.get(
    '/:id/eligibility',
    {
      config: { access: READ },
      schema: {
        operationId: 'getPilotEligibility',
        tags,
        summary: 'The eligibility check as it stands today: every rule, passed or not, explained',
        params: IdParams,
        response: { 200: ref(EligibilitySchema), ...problems(404) },
      },
    },
    async (request) => pilots.eligibility(principalOf(request), request.params.id),
  );

  app.get(
    '/:id/milestones',
    {
      config: { access: READ },
      schema: {
        operationId: 'listPilotMilestones',
        tags,
        summary: 'The pilot’s milestones, by due date',
        params: IdParams,
        response: { 200: ref(MilestoneListSchema), ...problems(404) },
      },
    },
    async (request) => pilots.milestones(principalOf(request), request.params.id),
  );

  app.post(
    '/:id/milestones',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'addPilotMilestone',
        tags,
        summary: 'Add a milestone with its due date',
        params: IdParams,
        body: ref(MilestoneCreateSchema),
        response: { 201: ref(MilestoneSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const milestone = await pilots.addMilestone(callerOf(request), request.params.id, request.body);
      return sendCreated(reply, `/v1/pilots/${request.params.id}/milestones/${milestone.id}`, milestone);
    },
  );

  app.patch(
    '/:id/milestones/:milestoneId',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updatePilotMilestone',
        tags,
        summary: 'Record a milestone done (with evidence), reschedule it, or accept it (department or staff)',
        params: MilestoneParams,
        headers: IfMatchHeaders,
        body: ref(MilestonePatchSchema),
        response: { 200: ref(MilestoneSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const milestone = await pilots.updateMilestone(
        callerOf(request),
        request.params.id,
        request.params.milestoneId,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, milestone.version);
      return milestone;
    },
  );

  app.put(
    '/:id/evaluation',
    {
      config: { access: ACCESS.pilots.evaluate },
      schema: {
        operationId: 'putPilotEvaluation',
        tags,
        summary: 'The transferring department’s evaluation: satisfaction 0–100 and comments',
        params: IdParams,
        body: ref(EvaluationPutSchema),
        response: { 200: ref(PilotSchema), ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const pilot = await pilots.evaluateByDepartment(callerOf(request), request.params.id, request.body);
      setEtag(reply, pilot.version);
      return pilot;
    },
  );
};
