import type { TakeFile } from '../content/take-types';

/**
 * A take's timeline as a pure state machine: no DOM, no clock, no sound. The player feeds it the
 * time that passed and acts on what it says happened (a call began, the take ended). Everything a
 * visitor sees is a function of `t`, the seconds since the take started, so stopping mid-take or
 * following another role never leaves anything half done.
 */

export type TimelineStatus = 'idle' | 'running' | 'finished' | 'stopped';

export interface TimelineState {
  readonly status: TimelineStatus;
  /** Seconds since the take started. */
  readonly t: number;
  /** The current call's index (-1 before the first; steps.length once finished). */
  readonly index: number;
  /** The performer whose point of view is explained (null: the whole crew). */
  readonly follow: string | null;
}

/** What one advance did: the calls it entered, in order (several if a frame was long). */
export interface Advance {
  readonly state: TimelineState;
  readonly entered: readonly number[];
  readonly finished: boolean;
}

export const IDLE: TimelineState = { status: 'idle', t: 0, index: -1, follow: null };

/** When each step starts, seconds from the take's start, and when the last one ends. */
export function stepStarts(take: TakeFile): { starts: readonly number[]; total: number } {
  const starts: number[] = [];
  let t = 0;
  for (const step of take.steps) {
    starts.push(t);
    t += step.seconds;
  }
  return { starts, total: t };
}

/** The step playing at `t` (-1 before the start, steps.length after the end). */
export function stepAt(take: TakeFile, t: number): number {
  if (t < 0) return -1;
  let end = 0;
  for (let i = 0; i < take.steps.length; i++) {
    end += take.steps[i]!.seconds;
    if (t < end) return i;
  }
  return take.steps.length;
}

export function start(follow: string | null = null): TimelineState {
  return { status: 'running', t: 0, index: -1, follow };
}

/** Moves time on by `dt` seconds; enters every call whose start was passed. */
export function advance(take: TakeFile, state: TimelineState, dt: number): Advance {
  if (state.status !== 'running') return { state, entered: [], finished: false };
  const t = state.t + Math.max(0, dt);
  const now = stepAt(take, t);
  const entered: number[] = [];
  for (let i = state.index + 1; i <= Math.min(now, take.steps.length - 1); i++) entered.push(i);
  if (now >= take.steps.length) {
    return { state: { ...state, status: 'finished', t: stepStarts(take).total, index: take.steps.length }, entered, finished: true };
  }
  return { state: { ...state, t, index: now }, entered, finished: false };
}

/** Stops the take where it is (Escape, Close, a kiosk reset). */
export function stop(state: TimelineState): TimelineState {
  return state.status === 'running' ? { ...state, status: 'stopped' } : state;
}

/** Follows a performer's point of view from now on (null: the whole crew); the take carries on. */
export function follow(state: TimelineState, performer: string | null): TimelineState {
  return { ...state, follow: performer };
}

/** Seconds into the current call (0 when none is playing). */
export function intoStep(take: TakeFile, state: TimelineState): number {
  if (state.index < 0 || state.index >= take.steps.length) return 0;
  return state.t - stepStarts(take).starts[state.index]!;
}
