import type { TakeActionKind, TakeFile } from '../content/take-types';
import type { GearDef, HotSetDef, PerformerDef } from '../content/types';
import { stepStarts } from './timeline';

/**
 * The take compiled, once, into what each performer and piece of gear does over time: where they
 * walk, which way they face, which gestures play when. Pure data and pure functions of the take's
 * time `t`, in the hot set's frame (metres, yaw in radians, 0 facing its open side).
 */

const DEG = Math.PI / 180;

export interface Move {
  readonly t0: number;
  readonly t1: number;
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
}

export interface Turn {
  readonly t0: number;
  readonly t1: number;
  readonly from: number;
  readonly to: number;
}

export interface Gesture {
  readonly kind: TakeActionKind;
  readonly t0: number;
  readonly t1: number;
  /** Performer id (boom-follow, pull-focus). */
  readonly target?: string;
}

export interface Track {
  readonly id: string;
  readonly at: readonly [number, number];
  readonly facing: number;
  readonly moves: readonly Move[];
  readonly turns: readonly Turn[];
  readonly gestures: readonly Gesture[];
}

export interface Tracks {
  readonly byId: ReadonlyMap<string, Track>;
  readonly total: number;
}

const ease = (u: number): number => (u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - 2 * u));
/** The shortest way round from `a` to `b`, radians. */
const wrap = (a: number): number => Math.atan2(Math.sin(a), Math.cos(a));

interface RawAction {
  readonly who: string;
  readonly kind: TakeActionKind;
  readonly t0: number;
  readonly t1: number;
  readonly to?: readonly [number, number];
  readonly facing?: number;
  readonly target?: string;
}

/** Every action with its absolute times, in the order they start. */
function rawActions(take: TakeFile): RawAction[] {
  const { starts } = stepStarts(take);
  const out: RawAction[] = [];
  take.steps.forEach((step, i) => {
    for (const a of step.actions) {
      const t0 = starts[i]! + (a.at ?? 0);
      const t1 = Math.max(t0 + 0.05, a.seconds === undefined ? starts[i]! + step.seconds : t0 + a.seconds);
      out.push({ who: a.who, kind: a.do, t0, t1, ...(a.to ? { to: a.to } : {}), ...(a.facing !== undefined ? { facing: a.facing } : {}), ...(a.target ? { target: a.target } : {}) });
    }
  });
  return out.sort((a, b) => a.t0 - b.t0);
}

/** Where a track's owner stands at `t`. */
export function positionAt(track: Track, t: number, out: [number, number]): [number, number] {
  out[0] = track.at[0];
  out[1] = track.at[1];
  for (const m of track.moves) {
    if (t < m.t0) break;
    const u = ease((t - m.t0) / (m.t1 - m.t0));
    out[0] = m.from[0] + (m.to[0] - m.from[0]) * u;
    out[1] = m.from[1] + (m.to[1] - m.from[1]) * u;
  }
  return out;
}

/** Which way a track's owner faces at `t`, radians. */
export function yawAt(track: Track, t: number): number {
  let yaw = track.facing;
  for (const turn of track.turns) {
    if (t < turn.t0) break;
    yaw = turn.from + wrap(turn.to - turn.from) * ease((t - turn.t0) / (turn.t1 - turn.t0));
  }
  return yaw;
}

/** How strongly a gesture plays at `t`: 0 outside it, easing in and out over a fifth of it (at most 0.3 s). */
export function weight(g: Gesture, t: number): number {
  if (t <= g.t0 || t >= g.t1) return 0;
  const edge = Math.min(0.3, (g.t1 - g.t0) / 5);
  return ease(Math.min((t - g.t0) / edge, (g.t1 - t) / edge));
}

/** Compiles the take: walks into moves and turns (walkers face the way they go unless told a facing). */
export function compileTracks(take: TakeFile, hot: HotSetDef): Tracks {
  const owners: { id: string; at: readonly [number, number]; facing: number }[] = [
    ...hot.performers.map((p: PerformerDef) => ({ id: p.id, at: p.at, facing: (p.facing ?? 0) * DEG })),
    ...hot.gear.map((g: GearDef) => ({ id: g.id, at: g.at, facing: (g.rotation ?? 0) * DEG })),
  ];
  const tracks = new Map(owners.map((o) => [o.id, { id: o.id, at: o.at, facing: o.facing, moves: [] as Move[], turns: [] as Turn[], gestures: [] as Gesture[] }]));
  const actions = rawActions(take);
  // Moves first: a turn toward someone needs to know where they are by then.
  const here = new Map(owners.map((o) => [o.id, o.at]));
  for (const a of actions) {
    if ((a.kind === 'walk' || a.kind === 'dolly') && a.to) {
      tracks.get(a.who)?.moves.push({ t0: a.t0, t1: a.t1, from: here.get(a.who)!, to: a.to });
      here.set(a.who, a.to);
    }
  }
  const spot: [number, number] = [0, 0];
  const facing = new Map(owners.map((o) => [o.id, o.facing]));
  for (const a of actions) {
    const track = tracks.get(a.who);
    if (!track || track.id === undefined) continue;
    const from = facing.get(a.who)!;
    let to: number | null = null;
    let t1 = a.t1;
    if (a.kind === 'walk' && a.to) {
      const [x, z] = positionAt(track, a.t0, spot);
      to = a.facing !== undefined ? a.facing * DEG : Math.atan2(a.to[0] - x, a.to[1] - z);
      t1 = Math.min(a.t1, a.t0 + 0.4);
    } else if (a.kind === 'turn') {
      to = a.facing !== undefined ? a.facing * DEG : a.target ? faceToward(track, tracks.get(a.target), a.t0) : null;
    } else if (a.kind !== 'dolly') {
      track.gestures.push({ kind: a.kind, t0: a.t0, t1: a.t1, ...(a.target ? { target: a.target } : {}) });
    }
    if (to !== null) {
      track.turns.push({ t0: a.t0, t1, from, to });
      facing.set(a.who, to);
    }
  }
  return { byId: tracks, total: stepStarts(take).total };
}

function faceToward(track: Track, target: Track | undefined, t: number): number | null {
  if (!target) return null;
  const a = positionAt(track, t, [0, 0]);
  const b = positionAt(target, t, [0, 0]);
  return Math.atan2(b[0] - a[0], b[1] - a[1]);
}

/** How strongly a gesture of this kind plays at `t` (the strongest, if two overlap): 0 when none. */
export function weightOf(track: Track, kind: TakeActionKind, t: number): number {
  let best = 0;
  for (const g of track.gestures) if (g.kind === kind) best = Math.max(best, weight(g, t));
  return best;
}

/** When the gesture of this kind playing at `t` began (NaN when none plays). */
export function startedAt(track: Track, kind: TakeActionKind, t: number): number {
  for (const g of track.gestures) if (g.kind === kind && weight(g, t) > 0) return g.t0;
  return NaN;
}

/** The last gesture among `kinds` that began by `t` (states that last: the boom up, the red light on). */
export function lastOf(track: Track, kinds: readonly TakeActionKind[], t: number): Gesture | null {
  let last: Gesture | null = null;
  for (const g of track.gestures) if (g.t0 <= t && kinds.includes(g.kind)) last = g;
  return last;
}
