import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from './api-client';

/**
 * One `Idempotency-Key` per distinct submission: retrying the same body reuses the key (so a lost
 * response never applies twice), while a corrected body gets a fresh one (the server answers 422 to a
 * reused key with a different body).
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string }>(undefined);
  return useCallback((body: unknown) => {
    const serialised = JSON.stringify(body);
    if (last.current?.body !== serialised) last.current = { body: serialised, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
}
