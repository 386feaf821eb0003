/**
 * ┌──────────────────────────────────────────────────────────────────────────────────────────────┐
 * │ THE TAKE — the interface the take content (scenes/take.json, later) plugs into.              │
 * │ A take is an ordered list of steps; each belongs to a crew role. `cue: true` means the       │
 * │ student holding that role must act (button / trigger / pinch) within `seconds`; every other  │
 * │ step, and every cue of a role nobody holds, is played by the app.                            │
 * └──────────────────────────────────────────────────────────────────────────────────────────────┘
 * PURE: no DOM, no sockets, no timers; every function takes the time (ms) and returns a new state.
 * The server runs it to judge cues; the browser can run the very same code between messages to
 * play the timeline (same inputs, same answers).
 */

export interface TakeStep {
  /** Unique in the take, e.g. "roll-sound", "sound-speed". The content gives it words and sound. */
  readonly id: string;
  /** The crew role (set.json role id) whose step this is. */
  readonly role: string;
  /** true: the role's holder must act within `seconds`; false: the app plays it for `seconds`. */
  readonly cue: boolean;
  readonly seconds: number;
  /** For a cue nobody holds: how long the app takes to answer it (default min(seconds, 1)). */
  readonly auto?: number;
}

export type TakeStatus = 'rolling' | 'good' | 'no-good' | 'cut';

/** Why a take is no good: a cue not answered in time, or answered before it was called. */
export interface TakeFault {
  readonly kind: 'missed' | 'early';
  readonly step: string;
  readonly role: string;
  /** The student who acted early, or who held the missed cue. */
  readonly by: string | null;
}

export interface TakeHit {
  readonly step: string;
  readonly role: string;
  /** Student id; null when the app played the cue. */
  readonly by: string | null;
  /** Reaction time from the step's start, ms. */
  readonly ms: number;
}

export interface TakeState {
  /** Take number in the session (1, 2, …), for the slate and the log. */
  readonly n: number;
  readonly steps: readonly TakeStep[];
  /** role → student id, for the roles students play in this take. */
  readonly holders: Readonly<Record<string, string>>;
  readonly status: TakeStatus;
  /** Index of the current step (steps.length once finished). */
  readonly index: number;
  /** When the current step started (or starts, during the lead-in), ms. */
  readonly stepAt: number;
  readonly startedAt: number;
  readonly pausedAt: number | null;
  readonly endedAt: number | null;
  readonly fault: TakeFault | null;
  readonly hits: readonly TakeHit[];
}

/** A press this close before the caller's cue is called still counts (network and clock jitter). */
export const TAKE_EARLY_GRACE_MS = 250;
const AUTO_CUE_SECONDS = 1;

export function startTake(n: number, steps: readonly TakeStep[], holders: Readonly<Record<string, string>>, now: number, leadMs: number): TakeState {
  const at = now + leadMs;
  return advanceTake({ n, steps, holders, status: 'rolling', index: 0, stepAt: at, startedAt: at, pausedAt: null, endedAt: null, fault: null, hits: [] }, now);
}

const isRolling = (t: TakeState): boolean => t.status === 'rolling' && t.pausedAt === null;
const heldCue = (t: TakeState, s: TakeStep): boolean => s.cue && t.holders[s.role] !== undefined;
/** How long a step the app plays lasts, ms. */
const playedMs = (s: TakeStep): number => 1000 * (s.cue ? (s.auto ?? Math.min(s.seconds, AUTO_CUE_SECONDS)) : s.seconds);

export const currentStep = (t: TakeState): TakeStep | null => (t.status === 'rolling' ? (t.steps[t.index] ?? null) : null);

/** The next time something happens by itself (a step ends, a cue's window closes); null if none. */
export function takeDeadline(t: TakeState): number | null {
  if (!isRolling(t)) return null;
  const s = t.steps[t.index];
  if (!s) return t.stepAt;
  return t.stepAt + (heldCue(t, s) ? 1000 * s.seconds : playedMs(s));
}

/** Plays every step that is due by `now`: the app's steps and cues, and a held cue's missed window. */
export function advanceTake(t: TakeState, now: number): TakeState {
  let cur = t;
  for (let guard = 0; guard <= cur.steps.length && isRolling(cur) && now >= cur.stepAt; guard++) {
    const s = cur.steps[cur.index];
    if (!s) return { ...cur, status: 'good', endedAt: cur.stepAt };
    const end = takeDeadline(cur)!;
    if (now < end) return cur;
    if (heldCue(cur, s)) return { ...cur, status: 'no-good', endedAt: end, fault: { kind: 'missed', step: s.id, role: s.role, by: cur.holders[s.role] ?? null } };
    cur = next(cur, end, s.cue ? { step: s.id, role: s.role, by: null, ms: end - cur.stepAt } : null);
  }
  return cur;
}

function next(t: TakeState, at: number, hit: TakeHit | null): TakeState {
  return { ...t, index: t.index + 1, stepAt: at, hits: hit ? [...t.hits, hit] : t.hits };
}

export type TakeOutcome = 'hit' | 'early' | 'ignored';

/**
 * A student acted. On their cue: a hit, the take moves on. Before their next cue is called: early,
 * the take is no good. Otherwise (no cue of theirs is left, or the take is not rolling): ignored.
 */
export function actTake(t0: TakeState, student: string, now: number): { take: TakeState; outcome: TakeOutcome } {
  const t = advanceTake(t0, now);
  if (!isRolling(t)) return { take: t, outcome: 'ignored' };
  const mine = (s: TakeStep | undefined): boolean => s !== undefined && s.cue && t.holders[s.role] === student;
  const s = t.steps[t.index];
  if (mine(s) && now >= t.stepAt) return { take: hitAt(t, now), outcome: 'hit' };
  const ahead = t.steps.findIndex((x, i) => i >= t.index && mine(x));
  if (ahead < 0) return { take: t, outcome: 'ignored' };
  // Within the grace before a cue whose start is already certain: count it as on time.
  if (ahead === t.index && t.stepAt - now <= TAKE_EARLY_GRACE_MS) return { take: hitAt(t, t.stepAt), outcome: 'hit' };
  if (ahead === t.index + 1 && s && !heldCue(t, s) && t.stepAt + playedMs(s) - now <= TAKE_EARLY_GRACE_MS) {
    const played = next(t, now, s.cue ? { step: s.id, role: s.role, by: null, ms: now - t.stepAt } : null);
    return { take: hitAt(played, now), outcome: 'hit' };
  }
  const cue = t.steps[ahead]!;
  return { take: { ...t, status: 'no-good', endedAt: now, fault: { kind: 'early', step: cue.id, role: cue.role, by: student } }, outcome: 'early' };
}

function hitAt(t: TakeState, at: number): TakeState {
  const s = t.steps[t.index]!;
  return advanceTake(next(t, at, { step: s.id, role: s.role, by: t.holders[s.role] ?? null, ms: at - t.stepAt }), at);
}

export function pauseTake(t: TakeState, now: number): TakeState {
  return isRolling(t) ? { ...advanceTake(t, now), pausedAt: now } : t;
}

/** Resuming shifts the clock by the pause, so a cue's window is not eaten by it. */
export function resumeTake(t: TakeState, now: number): TakeState {
  if (t.status !== 'rolling' || t.pausedAt === null) return t;
  return { ...t, stepAt: t.stepAt + (now - t.pausedAt), pausedAt: null };
}

export function cutTake(t: TakeState, now: number): TakeState {
  return t.status === 'rolling' ? { ...t, status: 'cut', endedAt: now, pausedAt: null } : t;
}

/**
 * A role changes hands during the take (its holder dropped out, or came back): null hands it to
 * the app. A cue already waiting keeps its start, so a returning student gets what is left of it.
 */
export function holdRole(t: TakeState, role: string, student: string | null, now: number): TakeState {
  const cur = advanceTake(t, now);
  if (cur.status !== 'rolling' || cur.holders[role] === (student ?? undefined)) return cur;
  const holders = { ...cur.holders };
  if (student === null) delete holders[role];
  else holders[role] = student;
  return advanceTake({ ...cur, holders }, now);
}
