import { fenToYuan, yuanToFen } from '@society-hub/domain';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApplicationCreate, FundingApplication } from '../../api/types';
import { type AttachmentValues, attachmentsOf, attachmentValues } from '../attachments';
import { type LineValues, linesOf } from '../budget-lines-editor';

/** The application form's values, and their translation to and from the application the API knows. */
export interface ApplicationFormValues {
  societyId?: string;
  categoryCode?: string;
  title?: string;
  summary?: string;
  plannedOn?: Dayjs | null;
  place?: string;
  expectedParticipants?: number | null;
  disciplines?: string[];
  budgetLines?: LineValues[];
  requested?: string | null;
  selfFunded?: string | null;
  attachments?: AttachmentValues[];
}

const DATE = 'YYYY-MM-DD';

type FieldData = Parameters<FormInstance<ApplicationFormValues>['setFields']>[0][number];
type FieldName = NonNullable<FieldData['name']>;
const FIELDS = [
  'categoryCode',
  'title',
  'summary',
  'plannedOn',
  'place',
  'expectedParticipants',
  'disciplines',
] as const;

/** An API path (`/budgetLines/0/amountFen`) as the form field it belongs to. */
export function fieldOf(path: string): FieldName | null {
  const [head, index, field] = path.split('/').filter(Boolean);
  if (head === 'requestedFen') return 'requested';
  if (head === 'selfFundedFen') return 'selfFunded';
  const own = FIELDS.find((name) => name === head);
  if (own) return own;
  const i = Number(index);
  if (head === 'budgetLines' && Number.isInteger(i)) {
    if (field === 'item') return ['budgetLines', i, 'item'];
    if (field === 'amountFen') return ['budgetLines', i, 'amount'];
  }
  if (head === 'attachments' && Number.isInteger(i)) {
    if (field === 'name') return ['attachments', i, 'name'];
    if (field === 'sizeBytes') return ['attachments', i, 'sizeKb'];
    if (field === 'note') return ['attachments', i, 'note'];
  }
  return null;
}

/** The form's start: the draft being edited, or an empty one (for the one society, when there is one). */
export function initialValues(
  application: FundingApplication | undefined,
  societies: { id: string }[],
): ApplicationFormValues {
  if (!application) {
    return {
      societyId: societies.length === 1 ? societies[0]?.id : undefined,
      disciplines: [],
      budgetLines: [{ item: '', amount: null }],
      requested: null,
      selfFunded: '0.00',
      attachments: [],
    };
  }
  return {
    societyId: application.societyId,
    categoryCode: application.categoryCode,
    title: application.title,
    summary: application.summary ?? '',
    plannedOn: application.plannedOn ? dayjs(application.plannedOn) : null,
    place: application.place ?? '',
    expectedParticipants: application.expectedParticipants,
    disciplines: application.disciplines,
    budgetLines: application.budgetLines.map((l) => ({ item: l.item, amount: fenToYuan(l.amountFen) })),
    requested: fenToYuan(application.requestedFen),
    selfFunded: fenToYuan(application.selfFundedFen),
    attachments: attachmentValues(application.attachments),
  };
}

/** The content of the draft as the API takes it; `undefined` while an amount is not a number of yuan. */
export function applicationContent(values: ApplicationFormValues): Omit<ApplicationCreate, 'societyId'> | undefined {
  const budgetLines = linesOf(values.budgetLines).filter((l) => l.item !== '' || Number.isFinite(l.amountFen));
  const badLine = budgetLines.findIndex((l) => !Number.isFinite(l.amountFen));
  const requested = values.requested ? yuanToFen(values.requested) : 0;
  const selfFunded = values.selfFunded ? yuanToFen(values.selfFunded) : 0;
  if (badLine >= 0 || !Number.isFinite(requested) || !Number.isFinite(selfFunded)) return undefined;
  return {
    categoryCode: values.categoryCode ?? '',
    title: values.title?.trim() ?? '',
    summary: values.summary?.trim() || null,
    plannedOn: values.plannedOn ? values.plannedOn.format(DATE) : null,
    place: values.place?.trim() || null,
    expectedParticipants: values.expectedParticipants ?? null,
    disciplines: [...new Set((values.disciplines ?? []).map((d) => d.trim()).filter(Boolean))],
    budgetLines,
    requestedFen: requested,
    selfFundedFen: selfFunded,
    attachments: attachmentsOf(values.attachments),
  };
}
