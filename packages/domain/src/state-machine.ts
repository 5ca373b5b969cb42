/**
 * One transition mechanism for every lifecycle in the product (societies, members, applications,
 * pilots…). A machine is a plain table of allowed moves, so the API, the console and the docs read
 * the same source.
 */
export type TransitionTable<S extends string> = { readonly [From in S]: readonly S[] };

export interface StateMachine<S extends string> {
  readonly states: readonly S[];
  readonly initial: S;
  allowedFrom(from: S): readonly S[];
  canTransition(from: S, to: S): boolean;
  isFinal(state: S): boolean;
  isState(value: string): value is S;
}

export function defineStateMachine<S extends string>(initial: S, table: TransitionTable<S>): StateMachine<S> {
  const states = Object.keys(table) as S[];
  return {
    states,
    initial,
    allowedFrom: (from) => table[from] ?? [],
    canTransition: (from, to) => (table[from] ?? []).includes(to),
    isFinal: (state) => (table[state] ?? []).length === 0,
    isState: (value): value is S => (states as readonly string[]).includes(value),
  };
}
