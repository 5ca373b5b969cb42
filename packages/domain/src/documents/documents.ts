/**
 * Documents (SPEC §7): what each kind of file is for, what it belongs to, which types and sizes it
 * accepts, and which a society must have on file. The API enforces these; the console shows them.
 */

/** The content types the platform accepts, as sniffed from a file's bytes. */
export const DOCUMENT_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[keyof typeof DOCUMENT_TYPES];

/** The file-name extensions that announce each type; a name whose extension disagrees with its bytes is refused. */
export const EXTENSIONS_OF: Readonly<Record<DocumentType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

/** The things a document belongs to; access to the document follows access to the thing. */
export const DOCUMENT_OWNERS = [
  'society',
  'annual_report',
  'application',
  'pilot',
  'term',
  'program',
  'inspection_year',
] as const;
export type DocumentOwner = (typeof DOCUMENT_OWNERS)[number];

export interface PurposeRule {
  label: string;
  owner: DocumentOwner;
  types: readonly DocumentType[];
  maxBytes: number;
  /** One document per thing (a new upload is its next version), or several (each upload a new document). */
  slot: 'single' | 'several';
  /** Rendered by the platform (official documents), never uploaded. */
  generated?: true;
}

const MiB = 1024 * 1024;
const SCANS = [DOCUMENT_TYPES.pdf, DOCUMENT_TYPES.jpeg, DOCUMENT_TYPES.png] as const;
const PDF_ONLY = [DOCUMENT_TYPES.pdf] as const;

export const DOCUMENT_PURPOSES = {
  commitment_letter: { label: '承诺书', owner: 'annual_report', types: SCANS, maxBytes: 10 * MiB, slot: 'single' },
  financial_statements: {
    label: '财务报表',
    owner: 'annual_report',
    types: [DOCUMENT_TYPES.pdf, DOCUMENT_TYPES.xlsx],
    maxBytes: 20 * MiB,
    slot: 'single',
  },
  budget_details: {
    label: '预算明细',
    owner: 'application',
    types: [DOCUMENT_TYPES.pdf, DOCUMENT_TYPES.xlsx],
    maxBytes: 10 * MiB,
    slot: 'single',
  },
  invitation_letter: { label: '邀请函', owner: 'application', types: SCANS, maxBytes: 10 * MiB, slot: 'several' },
  final_report_proof: {
    label: '结项经费使用证明',
    owner: 'application',
    types: [...SCANS, DOCUMENT_TYPES.xlsx],
    maxBytes: 20 * MiB,
    slot: 'several',
  },
  milestone_evidence: { label: '节点佐证材料', owner: 'pilot', types: SCANS, maxBytes: 20 * MiB, slot: 'several' },
  acceptance_report: { label: '验收报告', owner: 'pilot', types: PDF_ONLY, maxBytes: 20 * MiB, slot: 'single' },
  election_minutes: { label: '换届选举会议纪要', owner: 'term', types: SCANS, maxBytes: 20 * MiB, slot: 'single' },
  registration_certificate: { label: '登记证书', owner: 'society', types: SCANS, maxBytes: 10 * MiB, slot: 'single' },
  other: {
    label: '其他材料',
    owner: 'society',
    types: [...SCANS, DOCUMENT_TYPES.xlsx],
    maxBytes: 20 * MiB,
    slot: 'several',
  },
  funding_notice: {
    label: '公示通知',
    owner: 'program',
    types: PDF_ONLY,
    maxBytes: 20 * MiB,
    slot: 'single',
    generated: true,
  },
  inspection_results: {
    label: '年检结果公告',
    owner: 'inspection_year',
    types: PDF_ONLY,
    maxBytes: 20 * MiB,
    slot: 'single',
    generated: true,
  },
} as const satisfies Record<string, PurposeRule>;
export type DocumentPurpose = keyof typeof DOCUMENT_PURPOSES;
export const DOCUMENT_PURPOSE_NAMES = Object.keys(DOCUMENT_PURPOSES) as DocumentPurpose[];
/** The purposes a person uploads for (the generated ones are the platform's). */
export const UPLOAD_PURPOSES = DOCUMENT_PURPOSE_NAMES.filter(
  (p) => !('generated' in DOCUMENT_PURPOSES[p]),
) as DocumentPurpose[];

export function purposeRule(purpose: DocumentPurpose): PurposeRule {
  return DOCUMENT_PURPOSES[purpose];
}

/**
 * The documents each annual report and each governance term must have on file: staff chase the
 * missing ones (the signed and sealed 承诺书 above all).
 */
export const REQUIRED_DOCUMENTS: Readonly<Partial<Record<DocumentOwner, readonly DocumentPurpose[]>>> = {
  annual_report: ['commitment_letter', 'financial_statements'],
  term: ['election_minutes'],
};

/** The type a file name announces by its extension, or null when the extension is none we accept. */
export function typeOfExtension(name: string): DocumentType | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = name.slice(dot + 1).toLowerCase();
  for (const [type, extensions] of Object.entries(EXTENSIONS_OF)) {
    if (extensions.includes(extension)) return type as DocumentType;
  }
  return null;
}

/** C0 controls, DEL and the bidi overrides that make `abc\u202Efdp.exe` display as `abcexe.pdf`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * A client's file name as we keep it: only its last path segment (a browser may send `C:\扫描\承诺书.pdf`,
 * a hostile one `../../x`), without control or bidi-override characters. Null when nothing usable is left
 * (`..`, empty, only dots), which the API refuses.
 */
export function sanitiseFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(CONTROL, '').normalize('NFC').trim();
  if (cleaned === '' || /^\.+$/.test(cleaned)) return null;
  if (cleaned.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  // Keep the extension when shortening: it is checked against the bytes.
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}

/** The annual inspection's results as the published list names them (the console's labels agree). */
export const INSPECTION_RESULT_NAMES = {
  pass: '合格',
  basic_pass: '基本合格',
  fail: '不合格',
  absent: '未参检',
} as const;
