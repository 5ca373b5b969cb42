import type { TProperties, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { AppError, type FieldError } from './errors';
import { rowErrors } from './row-validation';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

export interface ImportResult {
  index: number;
  outcome: RowOutcome | 'error';
  id?: string;
  errors?: FieldError[];
}

export interface ImportReport {
  results: ImportResult[];
  summary: { created: number; updated: number; unchanged: number; error: number };
  dryRun: boolean;
}

export interface ImportSteps<Row, Prepared> {
  /** The named schemas the row schema refers to. */
  context: TProperties;
  schema: TSchema;
  isRow: (value: unknown) => value is Row;
  /** Field checks beyond the schema and the columns to write; throws a 422 AppError for a bad row. */
  prepare: (row: Row) => Prepared;
  /** What identifies the same record twice in one batch, and the field to blame. */
  identities: (prepared: Prepared) => { key: string; path: string }[];
  /** Matches, then creates or updates in its own transaction (or only reports, in a dry run). */
  apply: (row: Row, prepared: Prepared, dryRun: boolean) => Promise<{ outcome: RowOutcome; id?: string }>;
}

/** Field errors of a rejected row, relative to the row rather than the request body. */
function rowRelative(error: AppError): FieldError[] {
  return (error.extras.errors ?? [{ path: '/', code: error.code, message: error.detail }]).map((e) => ({
    ...e,
    path: e.path.replace(/^\/body/, '') || '/',
  }));
}

/**
 * The one bulk-import loop (members, experts, …): every row is validated, de-duplicated within the
 * batch and applied on its own, so a bad row never blocks the others and leaves nothing behind.
 */
export async function runImport<Row, Prepared>(
  rows: readonly unknown[],
  dryRun: boolean,
  steps: ImportSteps<Row, Prepared>,
): Promise<ImportReport> {
  const results: ImportResult[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of rows.entries()) {
    const schemaErrors = rowErrors(steps.context, steps.schema, raw);
    if (schemaErrors.length || !Value.Check(steps.context, steps.schema, raw) || !steps.isRow(raw)) {
      results.push({ index, outcome: 'error', errors: schemaErrors });
      continue;
    }
    try {
      const prepared = steps.prepare(raw);
      const identities = steps.identities(prepared);
      const repeated = identities.find((i) => seen.has(i.key));
      if (repeated) {
        results.push({
          index,
          outcome: 'error',
          errors: [
            {
              path: repeated.path,
              code: 'duplicate_in_batch',
              message: 'An earlier row of this batch is the same record.',
            },
          ],
        });
        continue;
      }
      for (const identity of identities) seen.add(identity.key);
      results.push({ index, ...(await steps.apply(raw, prepared, dryRun)) });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      results.push({ index, outcome: 'error', errors: rowRelative(error) });
    }
  }
  const count = (outcome: ImportResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return {
    results,
    summary: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      error: count('error'),
    },
    dryRun,
  };
}
