import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS } from '@society-hub/domain';
import { Type } from 'typebox';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, principalOf } from '../../lib/request-context';
import { IdParams, IfMatchHeaders, PageQuery, problems, ref } from '../../lib/schemas';
import {
  CouncilMemberCreateSchema,
  CouncilMemberPageSchema,
  CouncilMemberPatchSchema,
  CouncilMemberSchema,
  CouncilQuerySchema,
  GovernanceReportSchema,
  MemberParams,
  TermCreateSchema,
  TermPageSchema,
  TermSchema,
} from './governance.schemas';
import type { GovernanceService } from './governance.service';

const tags = ['governance'];
const READ = ACCESS.governance.read;
const WRITE = ACCESS.governance.write;

export const governanceRoutes: FastifyPluginAsyncTypebox<{ governance: GovernanceService }> = async (
  app,
  { governance },
) => {
  app.get(
    '/:id/terms',
    {
      config: { access: READ },
      schema: {
        operationId: 'listGovernanceTerms',
        tags,
        summary: 'Governance terms (届), newest first',
        params: IdParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: ref(TermPageSchema), ...problems(404) },
      },
    },
    async (request) => governance.listTerms(principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/terms',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'createGovernanceTerm',
        tags,
        summary: 'Record a new term after a re-election (换届)',
        params: IdParams,
        body: ref(TermCreateSchema),
        response: { 201: ref(TermSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const term = await governance.createTerm(callerOf(request), request.params.id, request.body);
      return sendCreated(reply, `/v1/societies/${request.params.id}/terms`, term);
    },
  );

  app.get(
    '/:id/council-members',
    {
      config: { access: READ },
      schema: {
        operationId: 'listCouncilMembers',
        tags,
        summary: 'The council roster of a term (the current one unless termId is given)',
        params: IdParams,
        querystring: CouncilQuerySchema,
        response: { 200: ref(CouncilMemberPageSchema), ...problems(404) },
      },
    },
    async (request) => governance.listMembers(principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/council-members',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'addCouncilMember',
        tags,
        summary: 'Add a person to a term’s roster',
        params: IdParams,
        body: ref(CouncilMemberCreateSchema),
        response: { 201: ref(CouncilMemberSchema), ...problems(404, 422) },
      },
    },
    async (request, reply) => {
      const member = await governance.addMember(callerOf(request), request.params.id, request.body);
      return sendCreated(reply, `/v1/societies/${request.params.id}/council-members/${member.id}`, member);
    },
  );

  app.patch(
    '/:id/council-members/:memberId',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updateCouncilMember',
        tags,
        summary: 'Change a roster entry (needs If-Match)',
        params: MemberParams,
        headers: IfMatchHeaders,
        body: ref(CouncilMemberPatchSchema),
        response: { 200: ref(CouncilMemberSchema), ...problems(404, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const member = await governance.updateMember(
        callerOf(request),
        request.params.id,
        request.params.memberId,
        expectedVersion(request),
        request.body,
      );
      setEtag(reply, member.version);
      return member;
    },
  );

  app.delete(
    '/:id/council-members/:memberId',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'removeCouncilMember',
        tags,
        summary: 'Remove a roster entry (needs If-Match)',
        params: MemberParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null({ description: 'Removed' }), ...problems(404, 412, 428) },
      },
    },
    async (request, reply) => {
      await governance.removeMember(
        callerOf(request),
        request.params.id,
        request.params.memberId,
        expectedVersion(request),
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/:id/governance',
    {
      config: { access: READ },
      schema: {
        operationId: 'getGovernance',
        tags,
        summary: 'The eight governance rules for the current term, each pass / warn / fail with its numbers',
        params: IdParams,
        response: { 200: ref(GovernanceReportSchema), ...problems(404) },
      },
    },
    async (request) => governance.evaluate(principalOf(request), request.params.id),
  );
};
