import { errorStatus, isApiError } from './api-client';

/** 412: someone saved a newer version since the list was loaded. */
export function isConflict(error: unknown): boolean {
  return errorStatus(error) === 412 || errorStatus(error) === 428;
}

/** Field errors of a failed write, keyed by the body field they name (`/body/password` → `password`). */
export function bodyFieldErrors(error: unknown): { field: string; code: string; message: string }[] {
  if (!isApiError(error)) return [];
  return (error.problem.errors ?? [])
    .filter((issue) => issue.path.startsWith('/body/'))
    .map((issue) => ({ field: issue.path.slice('/body/'.length).split('/')[0] ?? '', ...issue }));
}
