import { AppError, type FieldError } from './errors';
import type { RowValidator } from './row-validation';

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
  /** The row schema, compiled once (see `rowValidator`). */
  validator: RowValidator<Row>;
  /** Field checks beyond the schema and the columns to write; throws a 422 AppError for a bad row. */
  prepare: (row: Row) => Prepared;
  /** What identifies the same record twice in one batch, and the field to blame. */
  identities: (prepared: Prepared) => { key: string; path: string }[];
  /** Matches, then creates or updates in its own transaction (or only reports, in a dry run). */
  apply: (row: Row, prepared: Prepared, dryRun: boolean) => Promise<{ outcome: RowOutcome; id?: string }>;
  /**
   * Optional set-based path: every valid row of the batch in one transaction (a few statements rather
   * than a few per row). A row it rejects is an AppError in the result. Should the transaction fail as a
   * whole (say a concurrent import took a key meanwhile), it has rolled back and the rows are applied one
   * by one with `apply`, so the outcome per row is the same either way.
   */
  applyBatch?: (items: readonly PreparedRow<Row, Prepared>[], dryRun: boolean) => Promise<Map<number, BatchRowResult>>;
}

export interface PreparedRow<Row, Prepared> {
  index: number;
  row: Row;
  prepared: Prepared;
}

export type BatchRowResult = { outcome: RowOutcome; id?: string } | AppError;

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
  const results = new Map<number, ImportResult>();
  const valid: PreparedRow<Row, Prepared>[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of rows.entries()) {
    if (!steps.validator.check(raw)) {
      results.set(index, { index, outcome: 'error', errors: steps.validator.errors(raw) });
      continue;
    }
    try {
      const prepared = steps.prepare(raw);
      const identities = steps.identities(prepared);
      const repeated = identities.find((i) => seen.has(i.key));
      if (repeated) {
        results.set(index, {
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
      valid.push({ index, row: raw, prepared });
    } catch (error) {
      results.set(index, { index, outcome: 'error', errors: rejected(error) });
    }
  }

  let applied: Map<number, BatchRowResult> | undefined;
  if (steps.applyBatch && valid.length > 0) {
    try {
      applied = await steps.applyBatch(valid, dryRun);
    } catch (error) {
      // A server-side failure of the whole batch: it rolled back; fall through to row by row.
      if (error instanceof AppError && error.status < 500) throw error;
      applied = undefined;
    }
  }
  for (const { index, row, prepared } of valid) {
    let outcome = applied?.get(index);
    if (outcome === undefined) {
      try {
        outcome = await applyRow(() => steps.apply(row, prepared, dryRun));
      } catch (error) {
        outcome = asRowError(error);
      }
    }
    results.set(
      index,
      outcome instanceof AppError
        ? { index, outcome: 'error', errors: rowRelative(outcome) }
        : { index, outcome: outcome.outcome, ...(outcome.id ? { id: outcome.id } : {}) },
    );
  }

  const ordered = [...results.values()].sort((a, b) => a.index - b.index);
  const count = (outcome: ImportResult['outcome']) => ordered.filter((r) => r.outcome === outcome).length;
  return {
    results: ordered,
    summary: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      error: count('error'),
    },
    dryRun,
  };
}

/**
 * One row, retried once when it lost a race: another import (or another process) committed the same
 * record between this row's lookup and its uniqueness check or insert. The retry's lookup then sees that
 * record, so the row comes out unchanged or updated instead of failing. A real clash (the ID number of a
 * different member) fails the same way twice and is reported as the row's error.
 */
async function applyRow<T>(apply: () => Promise<T>): Promise<T> {
  try {
    return await apply();
  } catch (error) {
    const raced = isUniqueViolation(error) || (error instanceof AppError && error.status === 409);
    if (!raced) throw error;
    return apply();
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}

/** A row's own failure (4xx) becomes its result; anything else is the server's and fails the request. */
function asRowError(error: unknown): AppError {
  if (!(error instanceof AppError) || error.status >= 500) throw error;
  return error;
}

function rejected(error: unknown): FieldError[] {
  return rowRelative(asRowError(error));
}
