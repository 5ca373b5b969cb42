import { DOCUMENT_OWNERS, DOCUMENT_PURPOSE_NAMES, UPLOAD_PURPOSES } from '@society-hub/domain';
import { Type } from 'typebox';
import { Nullable, PageQuery, ref, Timestamp, Uuid } from '../../lib/schemas';

const Purpose = Type.Enum(DOCUMENT_PURPOSE_NAMES, {
  description:
    'What the file is: commitment_letter (承诺书) and financial_statements of an annual report; budget_details, invitation_letter and final_report_proof of an application; milestone_evidence and acceptance_report of a pilot; election_minutes of a term; registration_certificate and other of a society; funding_notice and inspection_results are issued by the Association',
});
const OwnerKind = Type.Enum(DOCUMENT_OWNERS, { description: 'The kind of thing the document belongs to' });

export const DocumentVersionSchema = Type.Object(
  {
    number: Type.Integer({ minimum: 1 }),
    name: Type.String({ description: 'The file name as uploaded, reduced to its last path segment' }),
    sizeBytes: Type.Integer({ minimum: 0 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    contentType: Type.String({ description: 'Sniffed from the bytes, never taken from the client' }),
    uploadedBy: Nullable(Type.String({ description: 'Username or client name; system for generated documents' })),
    uploadedAt: Timestamp,
  },
  { $id: 'DocumentVersion', additionalProperties: false },
);

const documentFields = {
  id: Uuid,
  societyId: Nullable(Uuid),
  ownerKind: OwnerKind,
  ownerId: Type.String({ description: 'The id of the thing (an annual report’s id, a program’s id, a year)' }),
  purpose: Purpose,
  label: Type.String({ description: 'The purpose in Chinese, e.g. 承诺书' }),
  year: Type.Integer({ description: 'The year of the thing: the report’s year, the term’s first year, …' }),
  generated: Type.Boolean({ description: 'Rendered by the platform (an official document), not uploaded' }),
  latest: ref(DocumentVersionSchema),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const DocumentSchema = Type.Object(documentFields, {
  $id: 'Document',
  additionalProperties: false,
  description: 'A file slot of a thing with its latest version; earlier versions are kept',
});

export const DocumentDetailSchema = Type.Object(
  { ...documentFields, versions: Type.Array(ref(DocumentVersionSchema), { description: 'Newest first' }) },
  { $id: 'DocumentDetail', additionalProperties: false },
);

export const MissingDocumentSchema = Type.Object(
  {
    ownerKind: OwnerKind,
    ownerId: Type.String(),
    year: Type.Integer(),
    purpose: Purpose,
    label: Type.String(),
  },
  { $id: 'MissingDocument', additionalProperties: false, description: 'A required document not on file' },
);

export const DocumentArchiveSchema = Type.Object(
  {
    items: Type.Array(ref(DocumentSchema)),
    nextCursor: Nullable(Type.String({ description: 'Pass as cursor for the next page; null at the end' })),
    missing: Type.Array(ref(MissingDocumentSchema), {
      description:
        'Required documents not on file (each annual report’s 承诺书 and financial statements, each term’s election minutes), within the year and kind filters',
    }),
  },
  { $id: 'DocumentArchive', additionalProperties: false },
);

export const DocumentUploadSchema = Type.Object(
  { file: Type.String({ format: 'binary', description: 'The file; its name is kept, its type is sniffed' }) },
  { $id: 'DocumentUpload', additionalProperties: false },
);

export const DocumentUploadQuerySchema = Type.Object(
  {
    purpose: Type.Enum(UPLOAD_PURPOSES, { description: 'What the file is (see Document.purpose)' }),
    owner: Type.Optional(
      Type.String({
        pattern: '^([0-9]{4}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$',
        description:
          'The thing it belongs to: an annual report’s year, or an application’s, pilot’s or term’s id; none for the society’s own documents',
      }),
    ),
    documentId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Upload a new version of this document (for kinds with several per thing)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ArchiveQuerySchema = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2200 })),
    kind: Type.Optional(Purpose),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const DownloadQuerySchema = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, description: 'A version number; the latest without it' })) },
  { additionalProperties: false },
);

export const IssueDocumentSchema = Type.Object(
  {
    documentNumber: Type.String({ minLength: 1, maxLength: 40, description: '发文字号, e.g. 市科协〔2026〕12号' }),
    issuer: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        default: '市科学技术协会',
        description: 'The issuing body, as signed',
      }),
    ),
    issuedOn: Type.Optional(Type.String({ format: 'date', description: 'The date written on it; today without it' })),
  },
  { $id: 'IssueDocument', additionalProperties: false },
);

export const documentSchemas = [
  IssueDocumentSchema,
  DocumentVersionSchema,
  DocumentSchema,
  DocumentDetailSchema,
  MissingDocumentSchema,
  DocumentArchiveSchema,
  DocumentUploadSchema,
];
