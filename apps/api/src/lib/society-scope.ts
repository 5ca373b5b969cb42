/**
 * Society scope: the security boundary between societies. A society's secretariat officer and a
 * machine client bound to societies reach only those societies' data; everything of another society
 * is 404, and a body may name only the caller's own societies. These are the helpers every module uses
 * to apply a caller's scope, so an empty binding, a list filter and a body check mean the same
 * everywhere.
 */
import type { SocietyScope } from './request-context';

/** The scope of Association-level work (administrators' routes): every society. */
export const EVERY_SOCIETY: SocietyScope = { kind: 'all' };

/** Matches no society: `IN ()` is not valid SQL, and an empty binding must reach nothing. */
export const NO_SOCIETY = '00000000-0000-0000-0000-000000000000';

/** The societies a scope reaches, for a query's `IN` list; null when it reaches every society. */
export function societiesReached(scope: SocietyScope): readonly string[] | null {
  if (scope.kind === 'all') return null;
  return scope.societyIds.length ? scope.societyIds : [NO_SOCIETY];
}

/** True when the scope reaches this society. */
export function inScope(scope: SocietyScope, societyId: string): boolean {
  return scope.kind === 'all' || scope.societyIds.includes(societyId);
}

/** The ids the scope reaches, in their order: what a bound caller may be shown of a list of societies. */
export function reachedOf(scope: SocietyScope, societyIds: readonly string[]): string[] {
  return societyIds.filter((id) => inScope(scope, id));
}

/**
 * A society list as a bound caller replaces it: the ids it sent, plus those it cannot see and so
 * cannot have meant to remove (another society's affiliation stays where it was).
 */
export function replaceReached(scope: SocietyScope, current: readonly string[], sent: readonly string[]): string[] {
  return [...new Set([...sent, ...current.filter((id) => !inScope(scope, id))])];
}
