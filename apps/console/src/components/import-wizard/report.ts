import type { Schemas } from '@society-hub/client';

export type ImportResponse = Schemas['ImportResponse'];
export type ImportResult = ImportResponse['results'][number];
export type Outcome = ImportResult['outcome'];

export const OUTCOME_COLORS: Record<Outcome, string> = {
  created: 'green',
  updated: 'blue',
  unchanged: 'default',
  error: 'red',
};

export interface RowProblem {
  field: string | undefined;
  text: string;
}

export interface RowReport {
  outcome: Outcome;
  problems: RowProblem[];
}
