import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS, expertPoolLabels, localToday, titleLevelLabels } from '@society-hub/domain';
import { Type } from 'typebox';
import { expectedVersion, sendCreated, setEtag } from '../../lib/etag';
import { callerOf, principalOf } from '../../lib/request-context';
import { ExportQuery, fileResponse, IdParams, IfMatchHeaders, problems, ref } from '../../lib/schemas';
import { allPages, type Cell, sendTable } from '../../lib/table-export';
import { ImportResponseSchema } from '../members/members.schemas';
import {
  ExpertCreateSchema,
  ExpertImportRequestSchema,
  ExpertListQuerySchema,
  ExpertPageSchema,
  ExpertPatchSchema,
  ExpertSchema,
} from './experts.schemas';
import type { ExpertService } from './experts.service';

const tags = ['experts'];
const READ = ACCESS.experts.read;
const WRITE = ACCESS.experts.write;

export const expertRoutes: FastifyPluginAsyncTypebox<{ experts: ExpertService }> = async (app, { experts }) => {
  app.get(
    '/',
    {
      config: { access: READ },
      schema: {
        operationId: 'listExperts',
        tags,
        summary: 'The expert pools (科技专家库 / 科普专家库)',
        description:
          'A client bound to societies sees only the experts affiliated with its societies, and of their affiliations only its own.',
        querystring: ExpertListQuerySchema,
        response: { 200: ref(ExpertPageSchema) },
      },
    },
    async (request) => experts.list(principalOf(request).scope, request.query),
  );

  app.post(
    '/',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'createExpert',
        tags,
        summary: 'Add an expert (senior title required)',
        body: ref(ExpertCreateSchema),
        response: { 201: ref(ExpertSchema), ...problems(409, 422) },
      },
    },
    async (request, reply) => {
      const expert = await experts.create(callerOf(request), request.body);
      return sendCreated(reply, `/v1/experts/${expert.id}`, expert);
    },
  );

  app.post(
    '/import',
    {
      config: { access: WRITE },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        operationId: 'importExperts',
        tags,
        summary: 'Import up to 1000 experts, with per-row results',
        body: ref(ExpertImportRequestSchema),
        response: { 200: ref(ImportResponseSchema) },
      },
    },
    async (request) => experts.import(callerOf(request), request.body),
  );

  app.get(
    '/:id',
    {
      config: { access: READ },
      schema: {
        operationId: 'getExpert',
        tags,
        summary: 'An expert',
        params: IdParams,
        response: { 200: ref(ExpertSchema), ...problems(404) },
      },
    },
    async (request, reply) => {
      const expert = await experts.get(principalOf(request).scope, request.params.id);
      setEtag(reply, expert.version);
      return expert;
    },
  );

  app.patch(
    '/:id',
    {
      config: { access: WRITE },
      schema: {
        operationId: 'updateExpert',
        tags,
        summary: 'Change an expert (needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: ref(ExpertPatchSchema),
        response: { 200: ref(ExpertSchema), ...problems(404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const expert = await experts.update(callerOf(request), request.params.id, expectedVersion(request), request.body);
      setEtag(reply, expert.version);
      return expert;
    },
  );
};

/**
 * GET /v1/experts/export, registered beside the expert routes under the same prefix. The router prefers
 * a static segment to a parameter, so `/export` is never read as `/:id`.
 */
export const expertExportRoute: FastifyPluginAsyncTypebox<{ experts: ExpertService }> = async (app, { experts }) => {
  app.get(
    '/export',
    {
      config: { access: READ },
      schema: {
        operationId: 'exportExperts',
        tags,
        summary: 'Download the expert pools as XLSX or CSV (same filters as the list; phone and ID number masked)',
        querystring: Type.Object(
          { ...ExportQuery, ...Type.Omit(ExpertListQuerySchema, ['limit', 'cursor']).properties },
          { additionalProperties: false },
        ),
        response: { 200: fileResponse('The experts') },
      },
    },
    async (request, reply) => {
      const { format = 'xlsx', ...filters } = request.query;
      return sendTable(reply, {
        format,
        filename: `专家名单-${localToday()}`,
        sheet: '专家',
        columns: EXPERT_EXPORT_COLUMNS,
        rows: allPages(async (cursor) => {
          const page = await experts.list(principalOf(request).scope, {
            ...filters,
            limit: 500,
            ...(cursor ? { cursor } : {}),
          });
          const names = await experts.societyNames(page.items.flatMap((e) => e.societyIds));
          const items = page.items.map(
            (e): Record<string, Cell> => ({
              name: e.name,
              gender: e.gender === 'male' ? '男' : e.gender === 'female' ? '女' : null,
              birthDate: e.birthDate,
              // The list view: the phone is masked, the ID number was never more than its mask.
              idNumberMasked: e.idNumberMasked,
              phone: e.phone,
              email: e.email,
              employer: e.employer,
              titleLevel: titleLevelLabels[e.titleLevel].zh,
              disciplines: e.disciplines.join('、'),
              pools: e.pools.map((pool) => expertPoolLabels[pool].zh).join('、'),
              societies: e.societyIds.map((id) => names.get(id) ?? id).join('、'),
              available: e.available ? '是' : '否',
              externalRef: e.externalRef,
            }),
          );
          return { items, nextCursor: page.nextCursor };
        }),
      });
    },
  );
};

const EXPERT_EXPORT_COLUMNS = [
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别' },
  { key: 'birthDate', header: '出生日期' },
  { key: 'idNumberMasked', header: '身份证号（脱敏）' },
  { key: 'phone', header: '手机（脱敏）' },
  { key: 'email', header: '邮箱' },
  { key: 'employer', header: '工作单位' },
  { key: 'titleLevel', header: '职称' },
  { key: 'disciplines', header: '专业领域' },
  { key: 'pools', header: '专家库' },
  { key: 'societies', header: '所属学会' },
  { key: 'available', header: '可参与评审' },
  { key: 'externalRef', header: '外部编号' },
];
