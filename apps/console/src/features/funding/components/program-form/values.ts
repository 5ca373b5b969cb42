import { defaultProgramSettings, fenToYuan, localToday, type ProgramSettings, yuanToFen } from '@society-hub/domain';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AllocationStrategy, FundingProgram, ProgramCreate, ScoringMethod } from '../../api/types';

/** The program form's values and their translation to and from the program the API knows. */
export interface CategoryValues {
  code?: string;
  name?: string;
  cap?: string | null;
  budget?: string | null;
}

export interface CriterionValues {
  code?: string;
  name?: string;
  weight?: number | null;
}

export interface ProgramFormValues {
  name?: string;
  year?: number | null;
  window?: [Dayjs | null, Dayjs | null] | null;
  description?: string;
  totalBudget?: string | null;
  categories?: CategoryValues[];
  rubric?: CriterionValues[];
  minimumScore?: number | null;
  reviewersPerApplication?: number | null;
  scoringMethod?: ScoringMethod;
  allocationStrategy?: AllocationStrategy;
  noticeWorkingDays?: number | null;
  allowMultiplePerCategory?: boolean;
}

const DATE = 'YYYY-MM-DD';

export function initialValues(program: FundingProgram | undefined): ProgramFormValues {
  const source = program ?? {
    name: '',
    description: null,
    ...defaultProgramSettings(Number(localToday().slice(0, 4))),
  };
  return {
    name: source.name,
    year: source.year,
    window: [dayjs(source.opensOn), dayjs(source.closesOn)],
    description: source.description ?? '',
    totalBudget: fenToYuan(source.totalBudgetFen),
    categories: source.categories.map((c) => ({
      code: c.code,
      name: c.name,
      cap: fenToYuan(c.capFen),
      budget: fenToYuan(c.budgetFen),
    })),
    rubric: source.rubric.map((c) => ({ ...c })),
    minimumScore: source.minimumScore,
    reviewersPerApplication: source.reviewersPerApplication,
    scoringMethod: source.scoringMethod,
    allocationStrategy: source.allocationStrategy,
    noticeWorkingDays: source.noticeWorkingDays,
    allowMultiplePerCategory: source.allowMultiplePerCategory,
  };
}

/** The settings the form describes, as the domain checks them (a value that is not a number stays NaN). */
export function toSettings(values: ProgramFormValues): ProgramSettings {
  const [opens, closes] = values.window ?? [null, null];
  const num = (value: number | null | undefined) => (typeof value === 'number' ? value : Number.NaN);
  return {
    year: num(values.year),
    opensOn: opens ? opens.format(DATE) : '',
    closesOn: closes ? closes.format(DATE) : '',
    totalBudgetFen: yuanToFen(values.totalBudget),
    categories: (values.categories ?? []).map((c) => ({
      code: c?.code?.trim() ?? '',
      name: c?.name?.trim() ?? '',
      capFen: yuanToFen(c?.cap),
      budgetFen: yuanToFen(c?.budget),
    })),
    rubric: (values.rubric ?? []).map((c) => ({
      code: c?.code?.trim() ?? '',
      name: c?.name?.trim() ?? '',
      weight: num(c?.weight),
    })),
    minimumScore: num(values.minimumScore),
    reviewersPerApplication: num(values.reviewersPerApplication),
    scoringMethod: values.scoringMethod ?? 'trimmed_mean',
    allocationStrategy: values.allocationStrategy ?? 'best_first',
    noticeWorkingDays: num(values.noticeWorkingDays),
    allowMultiplePerCategory: values.allowMultiplePerCategory ?? false,
  };
}

type FieldData = Parameters<FormInstance<ProgramFormValues>['setFields']>[0][number];
type FieldName = NonNullable<FieldData['name']>;

const TOP_LEVEL = [
  'name',
  'year',
  'description',
  'minimumScore',
  'reviewersPerApplication',
  'scoringMethod',
  'allocationStrategy',
  'noticeWorkingDays',
  'allowMultiplePerCategory',
] as const;
const CATEGORY_FIELDS = { code: 'code', name: 'name', capFen: 'cap', budgetFen: 'budget' } as const;
const CRITERION_FIELDS = ['code', 'name', 'weight'] as const;

/** A settings path (`/categories/0/capFen`) as the form field it belongs to; null for a whole list. */
export function formPath(path: string): FieldName | null {
  const [head, index, field] = path.split('/').filter(Boolean);
  if (head === 'totalBudgetFen') return 'totalBudget';
  if (head === 'opensOn' || head === 'closesOn') return 'window';
  const top = TOP_LEVEL.find((name) => name === head);
  if (top) return top;
  const i = Number(index);
  if (!Number.isInteger(i)) return null;
  if (head === 'categories') {
    const own = Object.entries(CATEGORY_FIELDS).find(([api]) => api === field)?.[1];
    return own ? ['categories', i, own] : null;
  }
  if (head === 'rubric') {
    const own = CRITERION_FIELDS.find((name) => name === field);
    return own ? ['rubric', i, own] : null;
  }
  return null;
}

/** The body of a new program: its name and description, and the settings the form describes. */
export function programBody(values: ProgramFormValues): ProgramCreate {
  return { name: values.name?.trim() ?? '', description: values.description?.trim() || null, ...toSettings(values) };
}
