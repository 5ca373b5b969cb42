import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS, DOCUMENT_TYPES } from '@society-hub/domain';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { callerOf, principalOf } from '../../lib/request-context';
import { IdParams, problems, ref } from '../../lib/schemas';
import {
  ArchiveQuerySchema,
  DocumentArchiveSchema,
  DocumentDetailSchema,
  DocumentSchema,
  DocumentUploadQuerySchema,
  DocumentUploadSchema,
  DownloadQuerySchema,
  IssueDocumentSchema,
} from './documents.schemas';
import type { DocumentService, Download } from './documents.service';
import type { OfficialDocumentService } from './official-documents.service';

const tags = ['documents'];

/** A stored file as a download: one of the types documents may have. */
function documentFileResponse(description: string) {
  return {
    description,
    content: Object.fromEntries(
      Object.values(DOCUMENT_TYPES).map((type) => [type, { schema: Type.String({ format: 'binary' }) }]),
    ),
  };
}

/** `attachment` with the name as sent (RFC 6266/8187) and an ASCII stand-in for old clients. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A stored version as the response: its type, size, name and SHA-256 (RFC 9530 Repr-Digest) in the headers. */
function sendDownload(reply: FastifyReply, { version, body }: Download): FastifyReply {
  return reply
    .header('content-type', version.contentType)
    .header('content-length', version.sizeBytes)
    .header('content-disposition', contentDisposition(version.name))
    .header('repr-digest', `sha-256=:${Buffer.from(version.sha256, 'hex').toString('base64')}:`)
    .header('cache-control', 'private, no-store')
    .send(body);
}

/** Routes under /v1/societies/{id}: a society's archive and uploads to it. */
export const societyDocumentRoutes: FastifyPluginAsyncTypebox<{ documents: DocumentService }> = async (
  app,
  { documents },
) => {
  // Only these routes read multipart bodies; elsewhere a multipart body stays a 415.
  await app.register(multipart);

  app.get(
    '/:id/documents',
    {
      config: { access: ACCESS.documents.archive },
      schema: {
        operationId: 'listSocietyDocuments',
        tags,
        summary:
          'A society’s archive (档案): every file of its reports, applications, pilots and terms, and the required ones missing',
        params: IdParams,
        querystring: ArchiveQuerySchema,
        response: { 200: ref(DocumentArchiveSchema), ...problems(404) },
      },
    },
    async (request) => documents.archive(principalOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/documents',
    {
      config: { access: ACCESS.documents.upload },
      schema: {
        operationId: 'uploadDocument',
        tags,
        summary: 'Upload a file to a society’s report, application, pilot, term or archive',
        description:
          'multipart/form-data with one part named `file`. The type is sniffed from the bytes and must be allowed for the purpose and agree with the name’s extension (422); each purpose has a size limit (413). A path-like name is reduced to its last segment. A single-slot purpose (承诺书, financial statements, …) gets a new version on each upload; nothing is overwritten. An interrupted upload is 400 and leaves nothing stored.',
        params: IdParams,
        querystring: DocumentUploadQuerySchema,
        body: { content: { 'multipart/form-data': { schema: ref(DocumentUploadSchema) } } },
        response: { 201: ref(DocumentSchema), ...problems(400, 404, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const document = await documents.upload(callerOf(request), request.params.id, request.query, request);
      return reply.header('location', `/v1/documents/${document.id}`).code(201).send(document);
    },
  );
};

/** Routes under /v1/documents: one document, its versions and its bytes. */
export const documentRoutes: FastifyPluginAsyncTypebox<{ documents: DocumentService }> = async (app, { documents }) => {
  app.get(
    '/:id',
    {
      config: { access: ACCESS.documents.read },
      schema: {
        operationId: 'getDocument',
        tags,
        summary: 'A document with all its versions',
        params: IdParams,
        response: { 200: ref(DocumentDetailSchema), ...problems(404) },
      },
    },
    async (request) => documents.get(principalOf(request), request.params.id),
  );

  app.get(
    '/:id/content',
    {
      config: { access: ACCESS.documents.read },
      schema: {
        operationId: 'downloadDocument',
        tags,
        summary: 'Download a version of a document (the latest by default); every download is audited',
        params: IdParams,
        querystring: DownloadQuerySchema,
        response: {
          200: documentFileResponse('The file as stored; Repr-Digest carries its SHA-256'),
          ...problems(404),
        },
      },
    },
    async (request, reply) => {
      return sendDownload(reply, await documents.download(callerOf(request), request.params.id, request.query.version));
    },
  );
};

/** Official documents the Association issues, rendered as PDF and kept as documents (under /v1). */
export const officialDocumentRoutes: FastifyPluginAsyncTypebox<{ official: OfficialDocumentService }> = async (
  app,
  { official },
) => {
  app.post(
    '/funding-programs/:id/notice-document',
    {
      config: { access: ACCESS.documents.issue },
      schema: {
        operationId: 'issueFundingNoticeDocument',
        tags,
        summary: 'Issue the 公示 notice of a program’s allocation as an official PDF (while the notice is published)',
        description:
          'Renders the notice /v1/public/notices shows (societies, projects, amounts, the notice period) as an A4 official document and keeps it as a document of the program; issuing again adds a version. 409 when the program has no public notice.',
        params: IdParams,
        body: ref(IssueDocumentSchema),
        response: { 201: ref(DocumentSchema), ...problems(404, 409) },
      },
    },
    async (request, reply) => {
      const document = await official.fundingNotice(callerOf(request), request.params.id, request.body);
      return reply.header('location', `/v1/documents/${document.id}`).code(201).send(document);
    },
  );

  app.post(
    '/inspections/:year/results-document',
    {
      config: { access: ACCESS.documents.issue },
      schema: {
        operationId: 'issueInspectionResultsDocument',
        tags,
        summary: 'Issue the annual inspection result list (年检结果) of a year as an official PDF',
        description:
          'Every society’s recorded result for the year, with the counts, as an A4 official document kept as a document; issuing again adds a version. 409 before any result is recorded.',
        params: Type.Object({ year: Type.Integer({ minimum: 1949, maximum: 2200 }) }),
        body: ref(IssueDocumentSchema),
        response: { 201: ref(DocumentSchema), ...problems(409) },
      },
    },
    async (request, reply) => {
      const document = await official.inspectionResults(callerOf(request), request.params.year, request.body);
      return reply.header('location', `/v1/documents/${document.id}`).code(201).send(document);
    },
  );
};
