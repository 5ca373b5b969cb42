/**
 * One transition mechanism for every lifecycle in the product (societies, members, applications,
 * programs, pilots, and the ones to come). A lifecycle is a plain table: for each state, the states it
 * may move to and who may take each move through the resource's transition endpoint. The API checks
 * moves against it (apps/api/src/lib/transitions.ts), the console offers the moves it allows, and the
 * docs read the same source.
 */

/**
 * Who takes a move by asking for it: the Association's staff (or a client acting for the whole
 * Association), or the society the record belongs to (its secretariat, or a client bound to it).
 */
export type Mover = 'association' | 'society';

/** Moves only the Association's staff take. */
export const BY_ASSOCIATION = ['association'] as const satisfies readonly Mover[];
/** Moves the society takes for itself, and the Association's staff for it. */
export const BY_EITHER = ['association', 'society'] as const satisfies readonly Mover[];
/** Moves only the society itself takes (submitting its own application). */
export const BY_SOCIETY = ['society'] as const satisfies readonly Mover[];
/**
 * Moves nobody asks for: another operation carries the record along (a program's transition moves its
 * applications, the allocation decides them, filing a final report reports them).
 */
export const CARRIED = [] as const satisfies readonly Mover[];

/** For each state, the states it may move to and who may take each move. */
export type LifecycleTable<S extends string> = {
  readonly [From in S]: { readonly [To in S]?: readonly Mover[] };
};

export interface StateMachine<S extends string> {
  readonly states: readonly S[];
  readonly initial: S;
  allowedFrom(from: S): readonly S[];
  canTransition(from: S, to: S): boolean;
  isFinal(state: S): boolean;
  isState(value: string): value is S;
  /** Who may ask for the move; empty when another operation carries it, or when it is not a move. */
  moversOf(from: S, to: S): readonly Mover[];
  /** The moves from `from` that this mover may ask for. */
  movesFor(from: S, mover: Mover): readonly S[];
}

export function defineStateMachine<S extends string>(initial: S, table: LifecycleTable<S>): StateMachine<S> {
  const states = Object.keys(table) as S[];
  const targets = (from: S): S[] => Object.keys(table[from] ?? {}) as S[];
  const moversOf = (from: S, to: S): readonly Mover[] => table[from]?.[to] ?? [];
  return {
    states,
    initial,
    allowedFrom: targets,
    canTransition: (from, to) => targets(from).includes(to),
    isFinal: (state) => targets(state).length === 0,
    isState: (value): value is S => (states as readonly string[]).includes(value),
    moversOf,
    movesFor: (from, mover) => targets(from).filter((to) => moversOf(from, to).includes(mover)),
  };
}
