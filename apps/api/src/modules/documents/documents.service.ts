import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  type DocumentOwner,
  type DocumentPurpose,
  type DocumentType,
  localToday,
  purposeRule,
  REQUIRED_DOCUMENTS,
} from '@society-hub/domain';
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../../db/connect';
import { AppError, errors } from '../../lib/errors';
import { keysetOf } from '../../lib/pagination';
import type { Caller, Principal, RequestContext } from '../../lib/request-context';
import { inScope } from '../../lib/society-scope';
import { write } from '../../lib/write';
import { findApplication } from '../funding/funding.repository';
import { findTerm } from '../governance/governance.repository';
import { findPilot } from '../pilots/pilots.repository';
import { findReport } from '../reports/reports.repository';
import { requireSociety } from '../societies/societies.repository';
import { checkContent } from './content-check';
import * as repo from './documents.repository';
import type {
  ArchiveQuerySchema,
  DocumentArchiveSchema,
  DocumentDetailSchema,
  DocumentSchema,
  DocumentUploadQuerySchema,
  DocumentVersionSchema,
  MissingDocumentSchema,
} from './documents.schemas';
import { ObjectMissingError, type ObjectStorage } from './storage/object-storage';
import { receiveFile } from './upload';

type Document = Static<typeof DocumentSchema>;
type DocumentDetail = Static<typeof DocumentDetailSchema>;
type Missing = Static<typeof MissingDocumentSchema>;

/** The thing a document belongs to, as stored: its kind, its id and the year the archive files it under. */
export interface Owner {
  kind: DocumentOwner;
  id: string;
  year: number;
}

/** Bytes to store as a new version: a spooled upload, or a document the platform rendered. */
export interface NewFile {
  name: string;
  size: number;
  sha256: string;
  contentType: DocumentType;
  body: () => Readable | Buffer;
}

/** A download: the version's facts and its bytes. */
export interface Download {
  version: Static<typeof DocumentVersionSchema>;
  body: Readable;
}

function versionOut(v: repo.VersionRow): Static<typeof DocumentVersionSchema> {
  return {
    number: v.number,
    name: v.name,
    sizeBytes: v.size_bytes,
    sha256: v.sha256,
    contentType: v.content_type,
    uploadedBy: v.uploaded_by,
    uploadedAt: v.uploaded_at.toISOString(),
  };
}

export function documentOut(d: repo.DocumentRow, latest: repo.VersionRow): Document {
  return {
    id: d.id,
    societyId: d.society_id,
    ownerKind: d.owner_kind,
    ownerId: d.owner_id,
    purpose: d.purpose,
    label: purposeRule(d.purpose).label,
    year: d.year,
    generated: d.generated,
    latest: versionOut(latest),
    createdAt: d.created_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
  };
}

function yearOf(date: Date | string): number {
  return Number((typeof date === 'string' ? date : localToday(date)).slice(0, 4));
}

function unknownOwner(message: string): AppError {
  return errors.validation([{ path: '/query/owner', code: 'unknown_owner', message }]);
}

export class DocumentService {
  constructor(
    private readonly db: DB,
    private readonly storage: ObjectStorage,
  ) {}

  /**
   * An upload to a society's archive: the owner is checked first (it must be this society's), then the
   * file is received, sniffed and stored, then recorded. Anything refused on the way leaves nothing.
   */
  async upload(
    caller: Caller,
    societyId: string,
    query: Static<typeof DocumentUploadQuerySchema>,
    request: FastifyRequest,
  ): Promise<Document> {
    await requireSociety(this.db, caller.principal.scope, societyId);
    const rule = purposeRule(query.purpose);
    const owner = await this.ownerFor(caller.principal, societyId, rule.owner, query.owner);
    const existing = query.documentId
      ? await this.versionTarget(societyId, query.documentId, query.purpose, owner)
      : null;
    const file = await receiveFile(request, rule.maxBytes);
    try {
      const contentType = await checkContent(file, rule);
      return await this.store(caller.context, {
        societyId,
        owner,
        purpose: query.purpose,
        existingId: existing,
        generated: false,
        file: { ...file, contentType, body: () => createReadStream(file.path) },
      });
    } finally {
      await file.discard();
    }
  }

  /** A document named for a new version must be this society's, of this purpose (and owner, when given). */
  private async versionTarget(societyId: string, id: string, purpose: DocumentPurpose, owner: Owner) {
    const document = await repo.findDocument(this.db, id);
    if (!document || document.society_id !== societyId || document.purpose !== purpose) {
      throw errors.validation([
        {
          path: '/query/documentId',
          code: 'unknown_document',
          message: `This society has no ${purpose} document ${id}.`,
        },
      ]);
    }
    if (document.owner_kind !== owner.kind || document.owner_id !== owner.id) {
      throw unknownOwner('The document belongs to another thing than the one named.');
    }
    return document.id;
  }

  /** The thing named by `owner` (a year or an id), which must be this society's; 422 otherwise. */
  private async ownerFor(
    principal: Principal,
    societyId: string,
    kind: DocumentOwner,
    owner: string | undefined,
  ): Promise<Owner> {
    if (kind === 'society') return { kind, id: societyId, year: yearOf(new Date()) };
    if (owner === undefined) throw unknownOwner(`Name the ${kind.replace('_', ' ')} the file belongs to.`);
    const isYear = /^[0-9]{4}$/.test(owner);
    if (kind === 'annual_report') {
      const report = isYear ? await findReport(this.db, societyId, Number(owner)) : undefined;
      if (!report) throw unknownOwner(`The society has no annual report for ${owner}; name a report by its year.`);
      return { kind, id: report.id, year: report.year };
    }
    if (isYear) throw unknownOwner(`Name the ${kind} by its id.`);
    try {
      if (kind === 'application') {
        const application = await findApplication(this.db, principal.scope, owner);
        if (application.society_id === societyId)
          return { kind, id: application.id, year: yearOf(application.created_at) };
      } else if (kind === 'pilot') {
        const pilot = await findPilot(this.db, principal, owner);
        if (pilot.society_id === societyId) return { kind, id: pilot.id, year: yearOf(pilot.starts_on) };
      } else if (kind === 'term') {
        const term = await findTerm(this.db, societyId, owner);
        if (term) return { kind, id: term.id, year: yearOf(term.start_on) };
      }
    } catch (error) {
      if (!(error instanceof AppError && error.status === 404)) throw error;
    }
    throw unknownOwner(`The society has no ${kind} ${owner}.`);
  }

  /**
   * Stores the bytes first, under a key no row names yet, then records the version in one write
   * transaction (audit and outbox included). If the transaction fails, the object is removed: a
   * version row never names missing bytes and no bytes outlive a refused upload.
   */
  async store(
    context: RequestContext,
    input: {
      societyId: string | null;
      owner: Owner;
      purpose: DocumentPurpose;
      existingId: string | null;
      generated: boolean;
      file: NewFile;
    },
  ): Promise<Document> {
    const key = `documents/${uuidv7()}`;
    await this.storage.put(key, input.file.body(), input.file.size, input.file.contentType);
    try {
      return await write(this.db, context, async (trx, record) => {
        const rule = purposeRule(input.purpose);
        const document = await repo.nextVersionOf(
          trx,
          input.existingId
            ? { existingId: input.existingId }
            : {
                new: {
                  id: uuidv7(),
                  society_id: input.societyId,
                  owner_kind: input.owner.kind,
                  owner_id: input.owner.id,
                  purpose: input.purpose,
                  slot: rule.slot === 'single' ? input.purpose : null,
                  year: input.owner.year,
                  current_version: 1,
                  generated: input.generated,
                },
              },
        );
        if (!document) throw errors.notFound('Document');
        const version = await repo.insertVersion(trx, {
          id: uuidv7(),
          document_id: document.id,
          number: document.current_version,
          name: input.file.name,
          size_bytes: input.file.size,
          sha256: input.file.sha256,
          content_type: input.file.contentType,
          storage_key: key,
          uploaded_by: context.actor.name,
        });
        const out = documentOut(document, version);
        record({
          action: input.generated ? 'document.issued' : 'document.uploaded',
          resourceType: 'document',
          resourceId: document.id,
          societyId: input.societyId,
          after: out,
          event: input.generated ? 'document.issued' : 'document.uploaded',
        });
        return out;
      });
    } catch (error) {
      await this.storage.remove(key).catch(() => undefined);
      throw error;
    }
  }

  /**
   * A document the caller may reach, by the thing it belongs to: a society's people and bound clients
   * their societies' only, a department's client its pilots' only, a reviewer only the files of
   * applications assigned to them; the Association's own documents only to those who reach every
   * society. Anything else is 404, as if it did not exist.
   */
  private async reachable(principal: Principal, id: string): Promise<repo.DocumentRow> {
    const document = await repo.findDocument(this.db, id);
    if (!document) throw errors.notFound('Document');
    if (principal.kind === 'user' && principal.role === 'reviewer') {
      const assigned =
        document.owner_kind === 'application' &&
        (await repo.reviewerAssigned(this.db, principal.id, document.owner_id));
      if (!assigned) throw errors.notFound('Document');
      return document;
    }
    if (
      document.society_id === null ? principal.scope.kind !== 'all' : !inScope(principal.scope, document.society_id)
    ) {
      throw errors.notFound('Document');
    }
    try {
      if (document.owner_kind === 'application') await findApplication(this.db, principal.scope, document.owner_id);
      if (document.owner_kind === 'pilot') await findPilot(this.db, principal, document.owner_id);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw errors.notFound('Document');
      throw error;
    }
    return document;
  }

  async get(principal: Principal, id: string): Promise<DocumentDetail> {
    const document = await this.reachable(principal, id);
    const versions = await repo.versionsOf(this.db, document.id);
    const latest = versions.find((v) => v.number === document.current_version);
    if (!latest) throw errors.notFound('Document');
    return { ...documentOut(document, latest), versions: versions.map(versionOut) };
  }

  /** The bytes of a version (the latest by default); each download is recorded in the audit log. */
  async download(caller: Caller, id: string, number: number | undefined): Promise<Download> {
    const document = await this.reachable(caller.principal, id);
    const version = await repo.findVersion(this.db, document.id, number ?? document.current_version);
    if (!version) throw errors.notFound('Document version');
    let body: Readable;
    try {
      body = await this.storage.open(version.storage_key);
    } catch (error) {
      if (error instanceof ObjectMissingError) throw errors.notFound('The stored file');
      throw error;
    }
    try {
      await write(this.db, caller.context, async (_trx, record) =>
        record({
          action: 'document.downloaded',
          resourceType: 'document',
          resourceId: document.id,
          societyId: document.society_id,
          after: { version: version.number, name: version.name, sha256: version.sha256 },
        }),
      );
    } catch (error) {
      body.destroy();
      throw error;
    }
    return { version: versionOut(version), body };
  }

  /** A society's archive: its documents, filtered by year and kind, and what it must still file. */
  async archive(
    principal: Principal,
    societyId: string,
    query: Static<typeof ArchiveQuerySchema>,
  ): Promise<Static<typeof DocumentArchiveSchema>> {
    await requireSociety(this.db, principal.scope, societyId);
    const page = await repo.listSocietyDocuments(
      this.db,
      societyId,
      { year: query.year, purpose: query.kind },
      keysetOf(repo.DOCUMENT_SORTS, query),
    );
    return {
      items: page.rows.map((d) => documentOut(d, d.latest)),
      nextCursor: page.nextCursor,
      missing: await this.missing(societyId, query.year, query.kind),
    };
  }

  private async missing(
    societyId: string,
    year: number | undefined,
    kind: DocumentPurpose | undefined,
  ): Promise<Missing[]> {
    const [onFile, things] = await Promise.all([
      repo.slotsOnFile(this.db, societyId),
      repo.thingsRequiringDocuments(this.db, societyId),
    ]);
    const owners: Owner[] = [
      ...things.reports.map((r) => ({ kind: 'annual_report' as const, id: r.id, year: r.year })),
      ...things.terms.map((t) => ({ kind: 'term' as const, id: t.id, year: yearOf(t.start_on) })),
    ];
    return owners
      .filter((o) => year === undefined || o.year === year)
      .sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind))
      .flatMap((o) =>
        (REQUIRED_DOCUMENTS[o.kind] ?? [])
          .filter(
            (purpose) => (kind === undefined || kind === purpose) && !onFile.has(repo.slotKey(o.kind, o.id, purpose)),
          )
          .map((purpose) => ({
            ownerKind: o.kind,
            ownerId: o.id,
            year: o.year,
            purpose,
            label: purposeRule(purpose).label,
          })),
      );
  }
}
