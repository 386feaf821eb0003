import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TakeFile } from '../../src/content/take-types';
import type { SetFile } from '../../src/content/types';
import { advance, follow, IDLE, intoStep, start, stepAt, stepStarts, stop, type TimelineState } from '../../src/take/timeline';
import { compileTracks, lastOf, positionAt, startedAt, weight, weightOf, yawAt } from '../../src/take/tracks';

const TAKE = JSON.parse(readFileSync('scenes/take.json', 'utf8')) as TakeFile;
const SET = JSON.parse(readFileSync('scenes/set.json', 'utf8')) as SetFile;
const HOT = SET.hotSet!;
const DEG = Math.PI / 180;
const { starts, total } = stepStarts(TAKE);
const startOf = (id: string): number => starts[TAKE.steps.findIndex((s) => s.id === id)]!;
const endOf = (id: string): number => startOf(id) + TAKE.steps.find((s) => s.id === id)!.seconds;

/** Runs the timeline in frames of `dt`, collecting every call it enters. */
function run(state: TimelineState, seconds: number, dt = 1 / 60): { state: TimelineState; entered: number[] } {
  const entered: number[] = [];
  for (let t = 0; t < seconds - 1e-9; t += dt) {
    const a = advance(TAKE, state, dt);
    state = a.state;
    entered.push(...a.entered);
  }
  return { state, entered };
}

describe('the take as a timeline', () => {
  it('starts before the first call and enters it on the first frame', () => {
    const s = start();
    expect(s).toMatchObject({ status: 'running', t: 0, index: -1, follow: null });
    const a = advance(TAKE, s, 0);
    expect(a.entered).toEqual([0]);
    expect(a.state.index).toBe(0);
  });

  it('enters every call once, in order, and finishes at the end', () => {
    const { state, entered } = run(start(), total + 0.5);
    expect(entered).toEqual(TAKE.steps.map((_, i) => i));
    expect(state.status).toBe('finished');
    expect(state.index).toBe(TAKE.steps.length);
  });

  it('a long frame enters every call it passed, in order', () => {
    const a = advance(TAKE, advance(TAKE, start(), 0).state, startOf('speed') + 0.01);
    expect(a.entered).toEqual([1, 2, 3]);
    expect(TAKE.steps[a.state.index]!.id).toBe('speed');
  });

  it('knows the call playing at any moment, and how far into it', () => {
    expect(stepAt(TAKE, -1)).toBe(-1);
    expect(TAKE.steps[stepAt(TAKE, startOf('action') + 0.1)]!.id).toBe('action');
    expect(stepAt(TAKE, total)).toBe(TAKE.steps.length);
    const at = advance(TAKE, start(), startOf('cut') + 0.75).state;
    expect(intoStep(TAKE, at)).toBeCloseTo(0.75, 5);
  });

  it('stops mid-take: nothing more happens, and stopping twice is harmless', () => {
    const mid = run(start(), startOf('line-a') + 1).state;
    const stopped = stop(mid);
    expect(stopped.status).toBe('stopped');
    expect(advance(TAKE, stopped, 5)).toEqual({ state: stopped, entered: [], finished: false });
    expect(stop(stopped)).toBe(stopped);
    expect(stop(IDLE)).toBe(IDLE);
  });

  it('follows a role from any moment without moving time', () => {
    const mid = run(start(), 3).state;
    const boom = follow(mid, 'boom-op');
    expect(boom).toMatchObject({ t: mid.t, index: mid.index, status: 'running', follow: 'boom-op' });
    expect(follow(boom, null).follow).toBeNull();
    expect(start('actor-a').follow).toBe('actor-a');
  });
});

describe('what everyone does, as tracks', () => {
  const tracks = compileTracks(TAKE, HOT);
  const track = (id: string) => tracks.byId.get(id)!;
  const at = (id: string, t: number): [number, number] => positionAt(track(id), t, [0, 0]);

  it('has a track for every performer and piece of gear, starting on their first marks', () => {
    expect([...tracks.byId.keys()].sort()).toEqual([...HOT.performers.map((p) => p.id), ...HOT.gear.map((g) => g.id)].sort());
    for (const p of HOT.performers) {
      expect(at(p.id, 0)).toEqual([...p.at]);
      expect(yawAt(track(p.id), 0)).toBeCloseTo((p.facing ?? 0) * DEG, 6);
    }
    expect(tracks.total).toBeCloseTo(total, 6);
  });

  it('walks the actor to the booth on her line and back to one at the reset', () => {
    const a = HOT.performers.find((p) => p.id === 'actor-a')!;
    const [x, z] = at('actor-a', endOf('line-a'));
    expect(x).toBeCloseTo(-0.45, 5);
    expect(z).toBeCloseTo(-0.75, 5);
    const mid = at('actor-a', startOf('line-a') + 1.2);
    expect(mid[0]).toBeGreaterThan(a.at[0]);
    expect(mid[0]).toBeLessThan(-0.45);
    expect(at('actor-a', total)).toEqual([a.at[0], a.at[1]].map((v) => expect.closeTo(v, 5)));
  });

  it('the dolly moves along its track during the shot, and the crew beside it keep facing the set', () => {
    const start0 = at('a-camera', startOf('line-a'));
    const end0 = at('a-camera', endOf('line-a'));
    expect(end0[0] - start0[0]).toBeCloseTo(0.7, 5);
    expect(end0[1]).toBeCloseTo(start0[1], 6);
    // A side-step: the camera operator walks along x but faces the set all the while.
    expect(yawAt(track('camera-op'), startOf('line-a') + 2)).toBeCloseTo(180 * DEG, 5);
  });

  it('a walker turns to where they are going; a turn toward someone faces them', () => {
    const t = startOf('marker') + 1;
    const [x, z] = at('clapper', startOf('marker'));
    const to = TAKE.steps.find((s) => s.id === 'marker')!.actions.find((a) => a.who === 'clapper')!.to!;
    expect(yawAt(track('clapper'), t)).toBeCloseTo(Math.atan2(to[0] - x, to[1] - z), 5);
    const b = yawAt(track('actor-b'), startOf('line-b') + 0.7);
    const [ax, az] = at('actor-a', startOf('line-b'));
    const [bx, bz] = at('actor-b', startOf('line-b'));
    expect(Math.cos(b - Math.atan2(ax - bx, az - bz))).toBeCloseTo(1, 5);
  });

  it('gestures play only in their time, easing in and out', () => {
    const clap = track('clapper').gestures.find((g) => g.kind === 'clap-slate')!;
    expect(weight(clap, clap.t0 - 0.01)).toBe(0);
    expect(weight(clap, (clap.t0 + clap.t1) / 2)).toBe(1);
    expect(weight(clap, clap.t1 + 0.01)).toBe(0);
    expect(weightOf(track('clapper'), 'show-slate', startOf('slate') + 1)).toBeGreaterThan(0);
    expect(weightOf(track('clapper'), 'show-slate', startOf('action'))).toBe(0);
    expect(startedAt(track('clapper'), 'clap-slate', (clap.t0 + clap.t1) / 2)).toBe(clap.t0);
    expect(startedAt(track('clapper'), 'clap-slate', 0)).toBeNaN();
  });

  it('lasting states: the boom stays up from picture-up until the cut, the red light on between', () => {
    const boom = (t: number) => lastOf(track('boom-op'), ['boom-up', 'boom-follow', 'boom-rest'], t)?.kind ?? 'rest';
    expect(boom(0)).toBe('rest');
    expect(boom(startOf('roll-sound'))).toBe('boom-up');
    expect(boom(startOf('line-b') + 1)).toBe('boom-follow');
    expect(boom(endOf('cut'))).toBe('boom-rest');
    const light = (t: number) => lastOf(track('red-light'), ['switch-on', 'switch-off'], t)?.kind ?? 'off';
    expect(light(0)).toBe('off');
    expect(light(startOf('action'))).toBe('switch-on');
    expect(light(endOf('cut'))).toBe('switch-off');
  });
});
