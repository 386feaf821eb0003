import { lensOf, otherBlurShare, setupFor, SOFT_SHARE, type ActorId, type CameraParams, type Frame } from './params';

/**
 * The camera activity as a pure state machine: the lens on the camera, the shot size the operator
 * frames, who the focus puller keeps sharp, and whether the frame has matched the storyboard. Each
 * change says what it did (as an event the words turn into a sentence); "Compare with the
 * storyboard" lists what is still off. No three.js: the view draws this state, unit tests drive it.
 */

export interface CameraState extends Frame {
  readonly done: boolean;
  /** How many times the frame was compared with the storyboard. */
  readonly compares: number;
}

/** What is off against the storyboard. */
export type Miss =
  | { readonly kind: 'lens'; readonly longer: boolean }
  | { readonly kind: 'shot' }
  | { readonly kind: 'focus' };

/** What a change did, for the words to say. */
export type Event =
  | { readonly kind: 'lens'; readonly limited: boolean }
  | { readonly kind: 'shot'; readonly limited: boolean }
  | { readonly kind: 'focus'; readonly deep: boolean }
  /** The frame now matches the storyboard (the goal reached, or reached again). */
  | { readonly kind: 'match' }
  /** Compared: what is still off (never empty). */
  | { readonly kind: 'off'; readonly misses: readonly Miss[] }
  /** A value that is not one of the options (a stale button): nothing changed. */
  | { readonly kind: 'ignored' };

export interface Step {
  readonly state: CameraState;
  readonly event: Event;
}

export function initialState(p: CameraParams): CameraState {
  return { ...p.start, done: false, compares: 0 };
}

/** Everything that differs from the storyboard's frame, in the order a crew would check it. */
export function misses(p: CameraParams, s: Frame): Miss[] {
  const out: Miss[] = [];
  const t = p.target;
  if (s.lens !== t.lens) out.push({ kind: 'lens', longer: lensOf(p, s.lens).focalMm > lensOf(p, t.lens).focalMm });
  if (s.shot !== t.shot) out.push({ kind: 'shot' });
  if (s.focus !== t.focus) out.push({ kind: 'focus' });
  return out;
}

export const matches = (p: CameraParams, s: Frame): boolean => misses(p, s).length === 0;

/** After a change: a match says so (and marks the goal reached), anything else says what changed. */
function settle(p: CameraParams, state: CameraState, event: Event): Step {
  if (matches(p, state)) return { state: { ...state, done: true }, event: { kind: 'match' } };
  return { state, event };
}

export function setLens(p: CameraParams, s: CameraState, lens: string): Step {
  if (!p.lenses.some((l) => l.id === lens)) return { state: s, event: { kind: 'ignored' } };
  const next = { ...s, lens };
  return settle(p, next, { kind: 'lens', limited: setupFor(p, lens, s.shot).limited });
}

export function setShot(p: CameraParams, s: CameraState, shot: string): Step {
  const def = p.shots.find((x) => x.id === shot);
  if (!def) return { state: s, event: { kind: 'ignored' } };
  const next = { ...s, shot: def.id };
  return settle(p, next, { kind: 'shot', limited: setupFor(p, s.lens, def.id).limited });
}

export function setFocus(p: CameraParams, s: CameraState, focus: string): Step {
  if (focus !== 'a' && focus !== 'b') return { state: s, event: { kind: 'ignored' } };
  const next = { ...s, focus: focus as ActorId };
  return settle(p, next, { kind: 'focus', deep: otherBlurShare(p, next) < SOFT_SHARE });
}

/** "Compare with the storyboard": the DP and director hold the monitor against the board. */
export function compare(p: CameraParams, s: CameraState): Step {
  const counted = { ...s, compares: s.compares + 1 };
  const off = misses(p, s);
  if (off.length === 0) return { state: { ...counted, done: true }, event: { kind: 'match' } };
  return { state: counted, event: { kind: 'off', misses: off } };
}

export function reset(p: CameraParams): CameraState {
  return initialState(p);
}

