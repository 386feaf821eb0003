import type { CheckId } from './spec';

/**
 * The stunt's safety checks as a pure state machine (no three.js).
 *
 * The rule, precisely: `order` is the checks' right order. The state keeps how many of them have
 * been done in that order (`done`, a prefix of `order`). The next check is `order[done]`.
 * - Pressing the next check does it (`done` + 1) and clears a stop.
 * - Pressing a later check, or Roll while a check is missing, is a STOP: the safety officer names
 *   the missed check, `order[done]`. Nothing done is undone, and nothing out of turn is recorded:
 *   the sequence goes on from the missed check, which has to be done next, then every check
 *   after it, in order (a check pressed out of turn must be pressed again in its turn).
 * - A check already done can't be pressed again (its button is disabled).
 * - Roll with every check done rolls the stunt: the goal is reached at once (the fall then plays
 *   out and `land` marks it over). Nothing more can be pressed until a reset.
 */

export type Phase = 'prep' | 'rolling' | 'landed';

export interface Stop {
  /** The check that should have come next: the one the safety officer names. */
  readonly missed: CheckId;
  /** What was pressed instead: a later check, or the roll. */
  readonly tried: CheckId | 'roll';
}

export interface StuntState {
  readonly done: number;
  readonly phase: Phase;
  /** The last stop, until the next right step. */
  readonly stop: Stop | null;
  /** How many times the safety officer has stopped it (tests, debug). */
  readonly stops: number;
}

export type Outcome =
  | { readonly kind: 'checked'; readonly id: CheckId }
  | { readonly kind: 'stopped'; readonly stop: Stop }
  | { readonly kind: 'rolled' }
  | { readonly kind: 'already'; readonly id: CheckId }
  | { readonly kind: 'finished' };

export interface Step {
  readonly state: StuntState;
  readonly outcome: Outcome;
}

export const initialState = (): StuntState => ({ done: 0, phase: 'prep', stop: null, stops: 0 });

const stopped = (state: StuntState, order: readonly CheckId[], tried: CheckId | 'roll'): Step => {
  const stop: Stop = { missed: order[state.done]!, tried };
  return { state: { ...state, stop, stops: state.stops + 1 }, outcome: { kind: 'stopped', stop } };
};

/** The visitor pressed a check's button. */
export function pressCheck(state: StuntState, order: readonly CheckId[], id: CheckId): Step {
  if (state.phase !== 'prep') return { state, outcome: { kind: 'finished' } };
  const index = order.indexOf(id);
  if (index < 0) throw new Error(`"${id}" is not one of the checks`);
  if (index < state.done) return { state, outcome: { kind: 'already', id } };
  if (index > state.done) return stopped(state, order, id);
  return { state: { ...state, done: state.done + 1, stop: null }, outcome: { kind: 'checked', id } };
}

/** The visitor pressed "Roll the stunt". */
export function pressRoll(state: StuntState, order: readonly CheckId[]): Step {
  if (state.phase !== 'prep') return { state, outcome: { kind: 'finished' } };
  if (state.done < order.length) return stopped(state, order, 'roll');
  return { state: { ...state, phase: 'rolling', stop: null }, outcome: { kind: 'rolled' } };
}

/** The fall has played out (or was cut to, with reduced motion). */
export function land(state: StuntState): StuntState {
  return state.phase === 'rolling' ? { ...state, phase: 'landed' } : state;
}

/** The checks done, in order. */
export const doneChecks = (state: StuntState, order: readonly CheckId[]): readonly CheckId[] => order.slice(0, state.done);

export const isDone = (state: StuntState, order: readonly CheckId[], id: CheckId): boolean => order.indexOf(id) < state.done;

/** The goal: the stunt rolled with every check done in order. */
export const goalReached = (state: StuntState): boolean => state.phase !== 'prep';
