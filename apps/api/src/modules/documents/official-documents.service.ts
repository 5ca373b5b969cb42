import { createHash } from 'node:crypto';
import { INSPECTION_RESULT_NAMES, localToday, yuanDigits } from '@society-hub/domain';
import type { Static } from 'typebox';
import type { DB } from '../../db/connect';
import { AppError } from '../../lib/errors';
import type { Caller } from '../../lib/request-context';
import type { NoticeService } from '../funding/notices.service';
import * as repo from './documents.repository';
import type { DocumentSchema, IssueDocumentSchema } from './documents.schemas';
import type { DocumentService, Owner } from './documents.service';
import { chineseDate, type OfficialDocument, renderOfficialPdf } from './official-pdf';

type Issue = Static<typeof IssueDocumentSchema>;
type Document = Static<typeof DocumentSchema>;

const DEFAULT_ISSUER = '市科学技术协会';

/**
 * The Association's official documents, rendered as PDF from the same figures the API serves and
 * stored like an upload (a new version each time one is issued again), so what was published can be
 * shown later exactly as it was.
 */
export class OfficialDocumentService {
  constructor(
    private readonly db: DB,
    private readonly documents: DocumentService,
    private readonly notices: NoticeService,
  ) {}

  /** 拟资助项目公示: the public notice of a program's allocation, as /v1/public/notices shows it. */
  async fundingNotice(caller: Caller, programId: string, input: Issue): Promise<Document> {
    const notice = (await this.notices.publicNotices()).items.find((n) => n.id === programId);
    if (!notice) {
      throw new AppError(
        409,
        'conflict',
        'The program has no public notice now: issue its notice while it is published.',
      );
    }
    const issuer = input.issuer ?? DEFAULT_ISSUER;
    const pdf = await renderOfficialPdf({
      issuer,
      number: input.documentNumber,
      title: notice.title,
      addressee: '各有关学会',
      paragraphs: [
        `经学会申报、资格审查、专家评审和集体研究，${notice.year}年度拟资助项目${notice.items.length}项，拟资助金额合计${yuanDigits(notice.totalFen)}元，现予以公示。`,
      ],
      table: {
        columns: [
          { header: '序号', width: 1, align: 'center' },
          { header: '学会', width: 3 },
          { header: '项目名称', width: 4 },
          { header: '类别', width: 2 },
          { header: '拟资助金额（元）', width: 2.4, align: 'right' },
        ],
        rows: notice.items.map((item, i) => [
          String(i + 1),
          item.societyName,
          item.title,
          item.categoryName,
          yuanDigits(item.allocatedFen),
        ]),
      },
      closing: [
        `公示期为${chineseDate(notice.startsOn)}至${chineseDate(notice.endsOn)}。公示期内，任何单位和个人对公示项目有异议的，可通过本平台公示页面实名提出，逾期不予受理。`,
      ],
      issuedOn: input.issuedOn ?? localToday(),
    });
    return this.keep(
      caller,
      { kind: 'program', id: programId, year: notice.year },
      'funding_notice',
      `${notice.title}.pdf`,
      pdf,
    );
  }

  /** 年检结果公告: every society's inspection result for a year. */
  async inspectionResults(caller: Caller, year: number, input: Issue): Promise<Document> {
    const results = await repo.inspectionResults(this.db, year);
    if (results.length === 0) {
      throw new AppError(409, 'conflict', `No inspection results are recorded for ${year} yet.`);
    }
    const count = (result: keyof typeof INSPECTION_RESULT_NAMES) => results.filter((r) => r.result === result).length;
    const document: OfficialDocument = {
      issuer: input.issuer ?? DEFAULT_ISSUER,
      number: input.documentNumber,
      title: `关于公布${year}年度所属学会年检结果的通知`,
      addressee: '各所属学会',
      paragraphs: [
        `根据年度检查工作安排，${year}年度应参加年检的学会共${results.length}家，其中合格${count('pass')}家、基本合格${count('basic_pass')}家、不合格${count('fail')}家、未参检${count('absent')}家。现将年检结果公布如下。`,
      ],
      table: {
        columns: [
          { header: '序号', width: 1, align: 'center' },
          { header: '学会', width: 4 },
          { header: '年检结果', width: 2, align: 'center' },
          { header: '备注', width: 4 },
        ],
        rows: results.map((r, i) => [
          String(i + 1),
          r.society_name,
          INSPECTION_RESULT_NAMES[r.result],
          r.comments ?? '',
        ]),
      },
      closing: ['年检不合格或未参检的学会，请于接到本通知之日起一个月内完成整改，并将整改情况报市科协。'],
      issuedOn: input.issuedOn ?? localToday(),
    };
    const pdf = await renderOfficialPdf(document);
    return this.keep(
      caller,
      { kind: 'inspection_year', id: String(year), year },
      'inspection_results',
      `${year}年度学会年检结果.pdf`,
      pdf,
    );
  }

  private keep(
    caller: Caller,
    owner: Owner,
    purpose: 'funding_notice' | 'inspection_results',
    name: string,
    pdf: Buffer,
  ) {
    return this.documents.store(caller.context, {
      societyId: null,
      owner,
      purpose,
      existingId: null,
      generated: true,
      file: {
        name,
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        contentType: 'application/pdf',
        body: () => pdf,
      },
    });
  }
}
