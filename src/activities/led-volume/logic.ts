import type { Look, TimeId, WeatherId } from './params';

/**
 * The LED volume as a pure state machine: what the wall shows (a time of day and a weather), which
 * of the director's requests is being set up, and whether every request is in the can. No three.js:
 * the view draws this state, the unit tests drive it.
 */

export interface LedState {
  readonly time: TimeId;
  readonly weather: WeatherId;
  /** Index into the requests of the one being set up (requests.length once all are done). */
  readonly request: number;
  readonly done: boolean;
  /** Takes rolled so far, right or wrong. */
  readonly rolls: number;
}

/** What rolling camera found. */
export type RollResult =
  /** The wall matches; the director asks for the next look. */
  | { readonly kind: 'next'; readonly next: Look }
  /** The wall matches the last request: the goal is reached. */
  | { readonly kind: 'done' }
  /** The wall does not match: which part differs, and what was wanted. */
  | { readonly kind: 'wrong'; readonly time: boolean; readonly weather: boolean; readonly want: Look }
  /** Every request was already shot. */
  | { readonly kind: 'wrapped' };

export function initialState(start: Look): LedState {
  return { time: start.time, weather: start.weather, request: 0, done: false, rolls: 0 };
}

export const setTime = (s: LedState, time: TimeId): LedState => ({ ...s, time });
export const setWeather = (s: LedState, weather: WeatherId): LedState => ({ ...s, weather });

/** The look the director wants now, or null once every request is shot. */
export function wanted(s: LedState, requests: readonly Look[]): Look | null {
  return requests[s.request] ?? null;
}

/** Whether the wall shows the look the director wants now. */
export function matches(s: LedState, requests: readonly Look[]): boolean {
  const want = wanted(s, requests);
  return want !== null && want.time === s.time && want.weather === s.weather;
}

/** "Roll camera": the director checks the wall against the request being set up. */
export function roll(s: LedState, requests: readonly Look[]): { readonly state: LedState; readonly result: RollResult } {
  const want = wanted(s, requests);
  if (want === null) return { state: s, result: { kind: 'wrapped' } };
  const rolls = s.rolls + 1;
  const time = want.time !== s.time;
  const weather = want.weather !== s.weather;
  if (time || weather) return { state: { ...s, rolls }, result: { kind: 'wrong', time, weather, want } };
  const request = s.request + 1;
  const next = requests[request];
  if (next) return { state: { ...s, rolls, request }, result: { kind: 'next', next } };
  return { state: { ...s, rolls, request, done: true }, result: { kind: 'done' } };
}
