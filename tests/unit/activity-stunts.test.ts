import { readFileSync } from 'node:fs';
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { validateActivityParams, validateActivityWords } from '../../src/content/activities-check';
import type { ActivityDef } from '../../src/content/activity-types';
import type { Content, SetFile } from '../../src/content/types';
import { viewSpot } from '../../src/content/geometry';
import { undrawable } from '../../src/set/pixel-font';
import type { BuiltSet, StationLayout } from '../../src/set/layout';
import { format } from '../../src/ui/dom';
import { goalReached, initialState, land, pressCheck, pressRoll, type StuntState } from '../../src/activities/stunts/logic';
import { CHECK_IDS, type CheckId, type StuntsParams } from '../../src/activities/stunts/spec';
import { create } from '../../src/activities/stunts/index';
import type { Activity, ActivityWords } from '../../src/activities/types';

const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const SET = read('scenes/set.json') as SetFile;
const FILE = 'scenes/activities/stunts.json';
const DEF: ActivityDef = { id: 'stunts', kind: 'stunts', station: 'stunts' };
const params = (): StuntsParams => structuredClone(read(FILE)) as StuntsParams;
const words = (code: string): ActivityWords => structuredClone(read(`scenes/activities/stunts/${code}.json`)) as ActivityWords;
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

const rejected = (result: { ok: boolean; problems?: readonly unknown[] }): readonly unknown[] => {
  if (result.ok) throw new Error('expected the content to be rejected, but it was accepted');
  return result.problems ?? [];
};
const problem = (file: string, path: string, fragment: string): unknown => ({ file, path, message: expect.stringContaining(fragment) });

const ORDER: readonly CheckId[] = ['mats', 'rig', 'meeting', 'area', 'medic'];
const doAll = (ids: readonly CheckId[], s: StuntState = initialState()): StuntState => ids.reduce((st, id) => pressCheck(st, ORDER, id).state, s);

describe('the stunt checks (logic)', () => {
  it('every check in order, then Roll, reaches the goal; land() ends the fall', () => {
    let s = initialState();
    for (const [i, id] of ORDER.entries()) {
      const step = pressCheck(s, ORDER, id);
      expect(step.outcome).toEqual({ kind: 'checked', id });
      s = step.state;
      expect(s.done).toBe(i + 1);
      expect(goalReached(s)).toBe(false);
    }
    const rolled = pressRoll(s, ORDER);
    expect(rolled.outcome).toEqual({ kind: 'rolled' });
    expect(rolled.state.phase).toBe('rolling');
    expect(goalReached(rolled.state)).toBe(true);
    expect(land(rolled.state).phase).toBe('landed');
    // Nothing more can be pressed until a reset.
    expect(pressCheck(land(rolled.state), ORDER, 'mats').outcome).toEqual({ kind: 'finished' });
    expect(pressRoll(land(rolled.state), ORDER).outcome).toEqual({ kind: 'finished' });
  });

  it('a check out of order is a stop naming the missed check; nothing done is undone, nothing out of turn counts', () => {
    const s = doAll(['mats', 'rig']);
    const step = pressCheck(s, ORDER, 'area');
    expect(step.outcome).toEqual({ kind: 'stopped', stop: { missed: 'meeting', tried: 'area' } });
    expect(step.state.done).toBe(2);
    expect(step.state.stops).toBe(1);
    // The sequence goes on from the missed check: "area" again is still out of turn ...
    expect(pressCheck(step.state, ORDER, 'area').outcome).toMatchObject({ kind: 'stopped', stop: { missed: 'meeting' } });
    // ... and once the meeting is held, the area pressed before does not count: it must be done now.
    const met = pressCheck(step.state, ORDER, 'meeting');
    expect(met.outcome).toEqual({ kind: 'checked', id: 'meeting' });
    expect(met.state.stop).toBeNull();
    expect(pressCheck(met.state, ORDER, 'medic').outcome).toMatchObject({ kind: 'stopped', stop: { missed: 'area' } });
    expect(pressCheck(met.state, ORDER, 'area').outcome).toEqual({ kind: 'checked', id: 'area' });
  });

  it('Roll with a check missing is a stop naming the first missing check', () => {
    expect(pressRoll(initialState(), ORDER).outcome).toEqual({ kind: 'stopped', stop: { missed: 'mats', tried: 'roll' } });
    const four = doAll(ORDER.slice(0, 4));
    const step = pressRoll(four, ORDER);
    expect(step.outcome).toEqual({ kind: 'stopped', stop: { missed: 'medic', tried: 'roll' } });
    expect(step.state.phase).toBe('prep');
    expect(goalReached(step.state)).toBe(false);
  });

  it('a check already done is not done twice', () => {
    const s = doAll(['mats']);
    expect(pressCheck(s, ORDER, 'mats')).toEqual({ state: s, outcome: { kind: 'already', id: 'mats' } });
  });
});

/** The activity as the host makes it, without a renderer: the real view's meshes under a group. */
async function make(reduced = false, code = 'en'): Promise<{ activity: Activity; group: THREE.Group }> {
  const def = SET.stations.find((s) => s.id === 'stunts')!;
  const [sx, sz] = viewSpot(def);
  const station: StationLayout = {
    id: def.id, origin: new THREE.Vector3(def.position[0], 0, def.position[1]), yaw: THREE.MathUtils.degToRad(def.facing),
    spot: new THREE.Vector3(sx, 0, sz), labelAnchor: new THREE.Vector3(), propBoxes: [], def,
  };
  const group = new THREE.Group();
  const activity = await create({
    id: 'stunts', station, group, set: {} as BuiltSet, content: {} as Content, params: params(), words: words(code), renderer: null,
    sound: { context: () => null, output: () => null, play: () => undefined },
    reducedMotion: () => reduced, format,
  });
  return { activity, group };
}

const runFrames = (a: Activity, seconds: number): void => {
  for (let t = 0; t < seconds; t += 1 / 60) a.frame(1 / 60);
};
const viewOf = (a: Activity): Record<string, unknown> => a.debug().view as Record<string, unknown>;

describe('the stunts activity (logic, view and words together)', () => {
  const en = words('en');

  it('shows the checks in the content order, then Roll; the status counts the checks', async () => {
    const { activity } = await make();
    expect(activity.controls().map((c) => c.id)).toEqual([...params().buttons, 'roll']);
    expect(activity.controls().every((c) => c.kind === 'action')).toBe(true);
    expect(activity.status()).toBe('Checks 0 of 5');
    activity.dispose();
  });

  it('runs to success: each check is shown on the set, the double climbs, falls and lands on the mats', async () => {
    const { activity, group } = await make();
    expect(viewOf(activity)).toMatchObject({ matsVisible: false, lamp: false, stopSign: false });
    const drawnAtStart = viewOf(activity).stageDrawn as number;
    let drawn = drawnAtStart;
    for (const id of ORDER) {
      const f = activity.change(id, true);
      expect(f).toEqual({ text: en.text[`${id}.done`], tone: 'good' });
      expect(activity.disabled(id)).toBe(true);
      runFrames(activity, 4);
      // The rig's tag, the cone line and the medic are drawn into the station's mesh, each once done.
      const now = viewOf(activity).stageDrawn as number;
      if (id === 'rig' || id === 'area' || id === 'medic') expect(now, `${id} shows on the set`).toBeGreaterThan(drawn);
      else expect(now).toBe(drawn);
      drawn = now;
    }
    const v = viewOf(activity) as { matsVisible: boolean; matsLanded: boolean; stageDrawn: number; crew: { target: string; moving: boolean }[]; double: { target: string; hips: number[] } };
    expect(v.matsVisible && v.matsLanded).toBe(true);
    expect(v.stageDrawn).toBeGreaterThan(drawnAtStart);
    expect(v.crew.every((c) => c.target === 'clear' && !c.moving)).toBe(true);
    expect(v.double.target).toBe('deck');
    expect(v.double.hips[1]).toBeCloseTo(params().deck.height + 0.93, 1);
    expect(activity.status()).toBe('Checks 5 of 5');

    const rolled = activity.change('roll', true);
    expect(rolled.tone).toBe('good');
    expect(rolled.text).toContain(en.done);
    expect(activity.done).toBe(true);
    expect(activity.status()).toBe('Stunt done: all 5 checks, in order');
    expect(activity.controls().every((c) => activity.disabled(c.id))).toBe(true);
    runFrames(activity, 0.5);
    const mid = viewOf(activity) as { double: { hips: number[] }; fall: number };
    expect(mid.fall).toBeGreaterThan(0);
    expect(mid.fall).toBeLessThan(1);
    runFrames(activity, params().fall.seconds + 0.5);
    const end = viewOf(activity) as { double: { hips: number[]; pitch: number }; lamp: boolean };
    const p = params();
    expect(activity.status()).toBe('Stunt done: all 5 checks, in order');
    // Flat on the back (pitched 90° back), hips over the landing mark, on top of the mats.
    expect(end.double.pitch).toBeCloseTo(-Math.PI / 2, 2);
    expect(end.double.hips[0]).toBeCloseTo(p.fall.to[0], 2);
    expect(end.double.hips[2]).toBeCloseTo(p.fall.to[1], 2);
    expect(end.double.hips[1]).toBeGreaterThan(p.mats.base + 0.3);
    expect(end.double.hips[1]).toBeLessThan(p.mats.base + 0.6);
    expect(end.lamp).toBe(true);
    // The budget: a handful of meshes (draw calls), a few thousand triangles.
    let meshes = 0;
    group.traverse((o) => void (o instanceof THREE.Mesh && meshes++));
    expect(meshes).toBeLessThanOrEqual(8);
    // The station already carries ~145k of the scene's 150k: everything this adds, shown at once, stays under 5k.
    expect(viewOf(activity).triangles).toBeLessThan(5_000);
    activity.dispose();
    expect(group.children.filter((c) => c.children.length > 0 || c instanceof THREE.Mesh)).toHaveLength(0);
  });

  it('a check out of order: the safety officer stops it, says why and where to start again; the sign shows', async () => {
    const { activity } = await make();
    activity.change('mats', true);
    const f = activity.change('medic', true);
    expect(f.tone).toBe('bad');
    expect(f.text).toBe(`${en.text['rig.stop']} ${format(en.text.again!, { step: en.text['rig.label']! })}`);
    expect(f.text).toContain('Stop! No one has checked the harness');
    expect(viewOf(activity).stopSign).toBe(true);
    expect(activity.status()).toBe('Checks 1 of 5 · stopped by safety');
    expect(activity.disabled('medic')).toBe(false);
    // The right check clears the stop; the medic pressed too early did not count.
    expect(activity.change('rig', true).tone).toBe('good');
    expect(viewOf(activity).stopSign).toBe(false);
    expect(activity.debug()).toMatchObject({ checksDone: ['mats', 'rig'], next: 'meeting', stops: 1 });
    activity.dispose();
  });

  it('Roll with a check missing is stopped too, and the stunt does not roll', async () => {
    const { activity } = await make();
    for (const id of ORDER.slice(0, 3)) activity.change(id, true);
    const f = activity.change('roll', true);
    expect(f.tone).toBe('bad');
    expect(f.text.startsWith(en.text['area.stop']!)).toBe(true);
    expect(activity.done).toBe(false);
    expect(activity.debug()).toMatchObject({ phase: 'prep', next: 'area' });
    activity.dispose();
  });

  it('with reduced motion the fall is a cut: landed at once, no frames needed', async () => {
    const { activity } = await make(true);
    for (const id of ORDER) activity.change(id, true);
    activity.change('roll', true);
    expect(activity.debug()).toMatchObject({ phase: 'landed' });
    expect((viewOf(activity) as { fall: number }).fall).toBe(1);
    activity.dispose();
  });

  it('closing the card mid-fall lands it; reset brings back the start', async () => {
    const { activity } = await make();
    for (const id of ORDER) activity.change(id, true);
    activity.change('roll', true);
    runFrames(activity, 0.3);
    activity.setOpen(false);
    expect(activity.debug()).toMatchObject({ phase: 'landed' });
    activity.reset();
    expect(activity.done).toBe(false);
    expect(activity.status()).toBe('Checks 0 of 5');
    expect(activity.debug()).toMatchObject({ checksDone: [], phase: 'prep', stop: null, stops: 0 });
    const v = viewOf(activity) as { matsVisible: boolean; lamp: boolean; fall: unknown; crew: { target: string }[]; double: { target: string; pitch: number } };
    expect(v).toMatchObject({ matsVisible: false, lamp: false, fall: null });
    expect(v.crew.every((c) => c.target === 'start')).toBe(true);
    expect(v.double.target).toBe('start');
    expect(v.double.pitch).toBe(0);
    expect(CHECK_IDS.every((id) => !activity.disabled(id))).toBe(true);
    activity.dispose();
  });
});

describe('the stunts content', () => {
  it('the shipped settings and both languages pass', () => {
    expect(validateActivityParams(params(), DEF, SET)).toMatchObject({ ok: true });
    for (const code of ['en', 'es']) expect(validateActivityWords(words(code), DEF, code)).toMatchObject({ ok: true });
  });

  it('the words drawn on the set (the signs) use letters the set can draw', () => {
    for (const code of ['en', 'es']) {
      const t = words(code).text;
      for (const key of ['sign.checked', 'sign.stop', 'sign.medic']) expect(undrawable(t[key]!), `${code} ${key}`).toEqual([]);
    }
  });

  it('refuses buttons in the right order (the answer given away)', () => {
    const p = params() as Mutable<StuntsParams>;
    p.buttons = [...p.order];
    expect(rejected(validateActivityParams(p, DEF, SET))).toEqual([problem(FILE, '$.buttons', 'right order')]);
  });

  it('refuses a check that is not one of the five, and one listed twice', () => {
    const p = params() as unknown as { order: string[]; buttons: string[] };
    p.order[4] = 'catering';
    p.buttons[0] = p.buttons[1]!;
    const problems = rejected(validateActivityParams(p, DEF, SET));
    expect(problems).toContainEqual(problem(FILE, '$.order[4]', 'must be one of'));
    expect(problems).toContainEqual(problem(FILE, '$.buttons[1]', 'listed twice'));
  });

  it('refuses the area cleared before the meeting, and a landing off the mats', () => {
    const p = params() as Mutable<StuntsParams>;
    p.order = ['mats', 'rig', 'area', 'meeting', 'medic'];
    p.fall.to = [1.5, -1.3];
    const problems = rejected(validateActivityParams(p, DEF, SET));
    expect(problems).toContainEqual(problem(FILE, '$.order[2]', 'the meeting must come first'));
    expect(problems).toContainEqual(problem(FILE, '$.fall.to', 'not on the mats'));
  });

  it('refuses a platform far from its tower and a station without a stunt rig', () => {
    const p = params() as Mutable<StuntsParams>;
    p.deck.at = [-2, 0];
    const noRig = structuredClone(SET) as Mutable<SetFile>;
    const station = noRig.stations.find((s) => s.id === 'stunts')!;
    station.props = station.props.filter((prop) => prop.type !== 'stunt-rig');
    const problems = rejected(validateActivityParams(p, DEF, noRig as SetFile));
    expect(problems).toContainEqual(problem(FILE, '$.deck.at', 'bolted to it'));
    expect(problems).toContainEqual(problem(FILE, '$', 'no stunt-rig prop'));
  });

  it('refuses words missing a check\'s stop reason and a status without its count', () => {
    const w = words('es') as { text: Record<string, string> };
    delete w.text['rig.stop'];
    w.text.status = 'Comprobaciones';
    const file = 'scenes/activities/stunts/es.json';
    const problems = rejected(validateActivityWords(w, DEF, 'es'));
    expect(problems).toContainEqual(problem(file, '$.text', 'is missing "rig.stop"'));
    expect(problems).toContainEqual(problem(file, '$.text["status"]', 'must contain {n}'));
  });
});
