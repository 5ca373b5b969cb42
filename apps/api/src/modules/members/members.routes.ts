import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS, localToday, memberCategoryLabels, memberStatusLabels, titleLevelLabels } from '@society-hub/domain';
import { Type } from 'typebox';
import type { DB } from '../../db/connect';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, principalOf } from '../../lib/request-context';
import {
  ExportQuery,
  fileResponse,
  IdParams,
  IfMatchHeaders,
  problems,
  ref,
  TransitionRequestSchema,
} from '../../lib/schemas';
import { allPages, sendTable } from '../../lib/table-export';
import { transitionVersion } from '../../lib/transitions';
import { requireSociety } from '../societies/societies.repository';
import { MemberStatsSchema, memberStats } from './member-stats';
import {
  DuesCreateSchema,
  DuesListSchema,
  DuesSchema,
  ImportResponseSchema,
  MemberCreateSchema,
  MemberImportRequestSchema,
  MemberListQuerySchema,
  MemberPageSchema,
  MemberPatchSchema,
  MemberSchema,
  MembershipListSchema,
} from './members.schemas';
import type { MemberService } from './members.service';

const tags = ['members'];
const READ = ACCESS.members.read;
const WRITE = ACCESS.members.write;

/** Under /v1/societies: a society's members. */
export const societyMemberRoutes: FastifyPluginAsyncTypebox<{ members: MemberService }> = async (app, { members }) => {
  app.get(
    '/:id/members',
    {
      config: { access: READ },
      schema: {
        operationId: 'listMembers',
        tags,
        summary: 'A society’s members (phones and ID numbers masked)',
        params: IdParams,
        querystring: MemberListQuerySchema,
        response: { 200: ref(MemberPageSchema), ...problems(404) },
      },
    },
    async (request) => members.list(principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/members',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'createMember',
        tags,
        summary: 'Register a member (an individual or an institution)',
        params: IdParams,
        body: ref(MemberCreateSchema),
        response: { 201: ref(MemberSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const member = await members.create(callerOf(request), request.params.id, request.body);
      return sendCreated(reply, `/v1/members/${member.id}`, member);
    },
  );
};

export const memberImportRoute: FastifyPluginAsyncTypebox<{ members: MemberService }> = async (app, { members }) => {
  app.post(
    '/:id/members/import',
    {
      config: { access: WRITE },
      // A thousand rows of member data fit comfortably in 5 MiB.
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        operationId: 'importMembers',
        tags,
        summary: 'Import up to 1000 members at once, with per-row results',
        description:
          'Rows are matched by externalRef, else by ID number; each row is created, updated, unchanged or reported with its errors, on its own. dryRun validates and matches without writing. Importing the same rows again changes nothing.',
        params: IdParams,
        body: ref(MemberImportRequestSchema),
        response: { 200: ref(ImportResponseSchema), ...problems(404) },
      },
    },
    async (request) => members.import(callerOf(request), request.params.id, request.body),
  );
};

export const memberStatsRoutes: FastifyPluginAsyncTypebox<{ db: DB }> = async (app, { db }) => {
  app.get(
    '/societies/:id/member-stats',
    {
      config: { access: READ },
      schema: {
        operationId: 'getSocietyMemberStats',
        tags,
        summary: 'Member statistics of a society: by status, category and title; youth and senior-title shares; growth',
        params: IdParams,
        response: { 200: ref(MemberStatsSchema), ...problems(404) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await requireSociety(db, principal.scope, request.params.id);
      return memberStats(db, principal.scope, request.params.id);
    },
  );

  app.get(
    '/member-stats',
    {
      config: { access: READ },
      schema: {
        operationId: 'getMemberStats',
        tags,
        summary: 'Member statistics over every society the caller may see',
        response: { 200: ref(MemberStatsSchema) },
      },
    },
    async (request) => memberStats(db, principalOf(request).scope, null),
  );
};

export const memberExportRoute: FastifyPluginAsyncTypebox<{ members: MemberService }> = async (app, { members }) => {
  app.get(
    '/:id/members/export',
    {
      config: { access: READ },
      schema: {
        operationId: 'exportMembers',
        tags,
        summary: 'Download a society’s members as XLSX or CSV (same filters as the list; personal data masked)',
        params: IdParams,
        querystring: Type.Object(
          { ...ExportQuery, ...Type.Omit(MemberListQuerySchema, ['limit', 'cursor']).properties },
          { additionalProperties: false },
        ),
        response: { 200: fileResponse('The members'), ...problems(404) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { format = 'xlsx', ...filters } = request.query;
      // Fail with 404 before the download starts.
      await members.list(principal, request.params.id, { ...filters, limit: 1 });
      const label = <K extends string>(labels: Record<K, { zh: string }>, key: K | null) =>
        key ? labels[key].zh : null;
      return sendTable(reply, {
        format,
        filename: `会员名单-${localToday()}`,
        sheet: '会员',
        columns: MEMBER_EXPORT_COLUMNS,
        rows: (async function* () {
          for await (const m of allPages((cursor) =>
            members.list(principal, request.params.id, { ...filters, limit: 500, cursor }),
          )) {
            yield {
              name: m.name,
              kind: m.kind === 'individual' ? '个人' : '单位',
              gender: m.gender === 'male' ? '男' : m.gender === 'female' ? '女' : null,
              birthDate: m.birthDate,
              idNumberMasked: m.idNumberMasked,
              phone: m.phone,
              email: m.email,
              employer: m.employer,
              titleLevel: label(titleLevelLabels, m.titleLevel),
              discipline: m.discipline,
              degree: m.degree,
              category: label(memberCategoryLabels, m.category),
              status: label(memberStatusLabels, m.status),
              joinedOn: m.joinedOn,
              externalRef: m.externalRef,
              orgCreditCode: m.orgCreditCode,
              contactPerson: m.contactPerson,
            };
          }
        })(),
      });
    },
  );
};

const MEMBER_EXPORT_COLUMNS = [
  { key: 'name', header: '姓名' },
  { key: 'kind', header: '会员类型' },
  { key: 'gender', header: '性别' },
  { key: 'birthDate', header: '出生日期' },
  { key: 'idNumberMasked', header: '身份证号（脱敏）' },
  { key: 'phone', header: '手机（脱敏）' },
  { key: 'email', header: '邮箱' },
  { key: 'employer', header: '工作单位' },
  { key: 'titleLevel', header: '职称' },
  { key: 'discipline', header: '学科' },
  { key: 'degree', header: '学历' },
  { key: 'category', header: '会员类别' },
  { key: 'status', header: '状态' },
  { key: 'joinedOn', header: '入会日期' },
  { key: 'externalRef', header: '外部编号' },
  { key: 'orgCreditCode', header: '统一社会信用代码' },
  { key: 'contactPerson', header: '联系人' },
];

/** Under /v1/members: one member, its lifecycle and dues. */
export const memberRoutes: FastifyPluginAsyncTypebox<{ members: MemberService }> = async (app, { members }) => {
  app.get(
    '/:id',
    {
      config: { access: READ },
      schema: {
        operationId: 'getMember',
        tags,
        summary: 'A member (the ID number masked)',
        params: IdParams,
        response: { 200: ref(MemberSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const member = await members.get(principalOf(request), request.params.id);
      setEtag(reply, member.version);
      return member;
    },
  );

  app.get(
    '/:id/memberships',
    {
      config: { access: READ },
      schema: {
        operationId: 'listMemberships',
        tags,
        summary:
          'The same person’s memberships of other societies (matched by ID number, else name, birth date and phone)',
        params: IdParams,
        response: { 200: ref(MembershipListSchema), ...problems(404) },
      },
    },
    async (request) => members.memberships(principalOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updateMember',
        tags,
        summary: 'Change a member (JSON merge patch; needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(MemberPatchSchema),
        response: { 200: ref(MemberSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const member = await members.update(callerOf(request), request.params.id, expectedVersion(request), request.body);
      setEtag(reply, member.version);
      return member;
    },
  );

  app.post(
    '/:id/transitions',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'transitionMember',
        tags,
        summary: 'Approve, reject, suspend, lapse, reactivate or withdraw a membership',
        description:
          'applied → active | rejected; active → lapsed | suspended | withdrawn; lapsed → active (dues paid) | withdrawn; suspended → active | withdrawn.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(TransitionRequestSchema),
        response: { 200: ref(MemberSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const member = await members.transition(
        callerOf(request),
        request.params.id,
        transitionVersion(request),
        request.body,
      );
      setEtag(reply, member.version);
      return member;
    },
  );

  app.get(
    '/:id/dues',
    {
      config: { access: READ },
      schema: {
        operationId: 'listMemberDues',
        tags,
        summary: 'Dues paid, newest year first',
        params: IdParams,
        response: { 200: ref(DuesListSchema), ...problems(404) },
      },
    },
    async (request) => members.dues(principalOf(request), request.params.id),
  );

  app.post(
    '/:id/dues',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'recordMemberDues',
        tags,
        summary: 'Record a year’s dues',
        params: IdParams,
        body: ref(DuesCreateSchema),
        response: { 201: ref(DuesSchema), ...problems(404, 409, 422) },
      },
    },
    async (request, reply) => {
      const dues = await members.recordDues(callerOf(request), request.params.id, request.body);
      return reply.header('location', `/v1/members/${request.params.id}/dues`).code(201).send(dues);
    },
  );
};
