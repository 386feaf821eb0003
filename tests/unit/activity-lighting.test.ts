import { readFileSync } from 'node:fs';
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { validateActivityParams, validateActivityWords } from '../../src/content/activities-check';
import type { ActivityDef } from '../../src/content/activity-types';
import type { Content, SetFile } from '../../src/content/types';
import { viewSpot } from '../../src/content/geometry';
import type { BuiltSet, StationLayout } from '../../src/set/layout';
import { format } from '../../src/ui/dom';
import { DONE, change, goalMet, initialState, problems, ratioOf, snapLevel, type LightingParams, type LightingState } from '../../src/activities/lighting/logic';
import { headGeometry } from '../../src/activities/lighting/head';
import { shade, type ShadeLamp, type ShadeScene } from '../../src/activities/lighting/shade';
import { LightingView } from '../../src/activities/lighting/view';
import { create } from '../../src/activities/lighting/index';
import { spec } from '../../src/activities/lighting/spec';
import type { Activity, ActivityWords } from '../../src/activities/types';

const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const SET = read('scenes/set.json') as SetFile;
const FILE = 'scenes/activities/lighting.json';
const DEF: ActivityDef = { id: 'lighting', kind: 'lighting', station: 'lighting' };
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
const params = (): Mutable<LightingParams> => structuredClone(read(FILE)) as Mutable<LightingParams>;
const words = (code: string): Mutable<ActivityWords> => structuredClone(read(`scenes/activities/lighting/${code}.json`)) as Mutable<ActivityWords>;

const rejected = (result: { ok: boolean; problems?: readonly unknown[] }): readonly unknown[] => {
  if (result.ok) throw new Error('expected the content to be rejected, but it was accepted');
  return result.problems ?? [];
};
const problem = (file: string, path: string, fragment: string): unknown => ({ file, path, message: expect.stringContaining(fragment) });

/** Runs changes from a state, returning the last state and everything said. */
function run(steps: readonly [string, boolean | string | number][], s: LightingState = initialState(params().start)): { state: LightingState; said: string[] } {
  const said: string[] = [];
  for (const [id, value] of steps) {
    const next = change(s, id, value, params());
    s = next.state;
    said.push(next.said.key);
  }
  return { state: s, said };
}

const GOAL: readonly [string, boolean | string | number][] = [
  ['keyLevel', 80], ['keyQuality', 'soft'], ['fill', true], ['fillLevel', 30], ['back', true], ['flag', true],
];

describe('light a face (logic)', () => {
  it('a new visitor finds one hard key and nothing else: not yet the look', () => {
    const s = initialState(params().start);
    expect(s).toMatchObject({ key: { on: true, level: 100 }, fill: { on: false }, back: { on: false }, quality: 'hard', flag: false, done: false });
    expect(problems(s, params().target).map((p) => p.key)).toEqual(['fixWantSoft', 'fixFillOff', 'fixBackOff', 'fixFlagOut']);
  });

  it('a soft key at 80 %, fill at 30 %, back light on and the flag in is the goal, said once with the success words', () => {
    const { state, said } = run(GOAL);
    expect(state.done).toBe(true);
    expect(said).toEqual(['keyDimmed', 'softKey', 'fillOn', 'fillDimmed', 'backOn', DONE]);
    expect(ratioOf(state)).toBeCloseTo(80 / 30);
    // Already done: a later change explains itself, it does not repeat the success.
    const after = change(state, 'backLevel', 40, params());
    expect(after.said.key).toBe('backDimmed');
    expect(after.state.done).toBe(true);
  });

  it('"Check the look" says the most important thing to fix, and succeeds once the look is right', () => {
    const start = initialState(params().start);
    const check = change(start, 'check', true, params());
    expect(check.said).toMatchObject({ key: 'fixWantSoft', tone: 'bad' });
    expect(check.state.done).toBe(false);
    const keyOff = change(start, 'key', false, params()).state;
    expect(change(keyOff, 'check', true, params()).said.key).toBe('fixKeyOff');
    const dim = change(start, 'keyLevel', 40, params()).state;
    expect(change(dim, 'check', true, params()).said).toMatchObject({ key: 'fixKeyDim', values: { min: 70, max: 100 } });
  });

  it('a fill as bright as the key is a flat face; a fill too low or too close to the key is said with the ratio', () => {
    const { state: base, said } = run([['fillLevel', 100], ['keyQuality', 'soft'], ['back', true], ['flag', true], ['fill', true]]);
    expect(base.done).toBe(false);
    expect(said.at(-1)).toBe('fillFlat');
    expect(change(base, 'fillLevel', 100, params()).said).toMatchObject({ key: 'fillFlat', values: { n: 100 } });
    expect(change(base, 'check', true, params()).said.key).toBe('fixFillFlat');
    const low = change(base, 'fillLevel', 10, params()).state;
    expect(change(low, 'check', true, params()).said).toMatchObject({ key: 'fixFillDim', values: { ratio: 10, min: 2, max: 4 } });
    const close = change(base, 'fillLevel', 70, params()).state;
    expect(change(close, 'check', true, params()).said).toMatchObject({ key: 'fixFillBright', tone: 'bad' });
    // 100:50 is 2:1, the edge of the range: the look is reached.
    expect(change(base, 'fillLevel', 50, params()).state.done).toBe(true);
  });

  it('the flag out, or a dim back light, is the last thing left to fix', () => {
    const noFlag = run(GOAL.filter(([id]) => id !== 'flag')).state;
    expect(noFlag.done).toBe(false);
    expect(problems(noFlag, params().target).map((p) => p.key)).toEqual(['fixFlagOut']);
    const dimBack = change(noFlag, 'backLevel', 10, params()).state;
    expect(problems(dimBack, params().target).map((p) => p.key)).toEqual(['fixBackDim', 'fixFlagOut']);
  });

  it('dimmers snap to their step and stay in 0–100; a dimmer of a lamp that is off is remembered', () => {
    expect(snapLevel(72, 5)).toBe(70);
    expect(snapLevel(140, 5)).toBe(100);
    expect(snapLevel(-3, 5)).toBe(0);
    expect(snapLevel(Number.NaN, 5)).toBe(0);
    const s = change(initialState(params().start), 'fillLevel', 35, params());
    expect(s.said).toMatchObject({ key: 'fillLevelOff', values: { n: 35 } });
    expect(s.state.fill).toEqual({ on: false, level: 35 });
    expect(() => change(s.state, 'nope', true, params())).toThrow(/no control/);
  });

  it('says nothing its words lack: every key any change can say is a word the spec lists', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const ids = ['key', 'keyLevel', 'keyQuality', 'fill', 'fillLevel', 'back', 'backLevel', 'flag', 'check'];
    let s = initialState(params().start);
    const said = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const id = ids[Math.floor(rand() * ids.length)]!;
      const value = id.endsWith('Level') ? Math.round(rand() * 20) * 5 : id === 'keyQuality' ? (rand() < 0.5 ? 'hard' : 'soft') : rand() < 0.5;
      const next = change(rand() < 0.02 ? initialState(params().start) : s, id, value, params());
      s = next.state;
      said.add(next.said.key);
    }
    said.delete(DONE);
    for (const key of said) expect(spec.words).toContain(key);
    expect(said.size).toBeGreaterThan(25);
  });

  it('goalMet agrees with an empty list of problems', () => {
    const done = run(GOAL).state;
    expect(goalMet(done, params().target)).toBe(true);
    expect(goalMet(initialState(params().start), params().target)).toBe(false);
  });
});

describe('the light on a vertex (shade)', () => {
  const lamp = (over: Partial<ShadeLamp>): ShadeLamp => ({
    pos: [0, 0, 1], axis: [0, 0, -1], light: [1, 1, 1], reach: 1, coneInner: Math.cos(0.5), coneOuter: Math.cos(0.9),
    wrap: 0, edge: 0, penumbra: 0.01, rim: 0, flagged: true, ...over,
  });
  const scene = (l: ShadeLamp, flag: ShadeScene['flag'] = null): ShadeScene => ({ ambient: 0, lamps: [l], eye: [0, 0, 5], casters: [], faceCasters: [], flag });
  /** The light on one vertex at the origin with normal n. */
  const at = (n: [number, number, number], s: ShadeScene, mode: 'subject' | 'surface' = 'subject'): number => {
    const out = [0, 0, 0];
    shade([0, 0, 0], n, [1, 1, 1], [0, 0, 0], out, 0, 1, mode, s);
    return out[0]!;
  };
  const past = [Math.sin(1.75), 0, Math.cos(1.75)] as [number, number, number]; // 10° past the terminator

  it('a soft source wraps past the terminator; a hard one stops dead, with a step at the edge', () => {
    expect(at(past, scene(lamp({ edge: 0.5 })))).toBe(0);
    expect(at(past, scene(lamp({ wrap: 0.35 })))).toBeGreaterThan(0.05);
    const justLit = [Math.sin(1.45), 0, Math.cos(1.45)] as [number, number, number]; // 7° before it
    expect(at(justLit, scene(lamp({ edge: 0.5 })))).toBeGreaterThan(at(justLit, scene(lamp({}))) + 0.3);
  });

  it('a flag across the beam cuts the light on a surface', () => {
    const cloth = { c: [0, 0, 0.5] as [number, number, number], u: [1, 0, 0] as [number, number, number], v: [0, 1, 0] as [number, number, number], hu: 0.3, hv: 0.3 };
    expect(at([0, 0, 1], scene(lamp({})), 'surface')).toBeCloseTo(1);
    expect(at([0, 0, 1], scene(lamp({}), cloth), 'surface')).toBe(0);
    expect(at([0, 0, 1], scene(lamp({ flagged: false }), cloth), 'surface')).toBeCloseTo(1);
  });
});

describe('the stand-in, lamps and backdrop (view, no renderer)', () => {
  const view = (): LightingView => new LightingView(new THREE.Group(), params() as LightingParams, [0, 1.6, 3.2], () => true);
  const state = (o: Partial<LightingState>): LightingState => ({ ...initialState(params().start), fill: { on: false, level: 40 }, back: { on: false, level: 60 }, ...o });

  it("the flag takes the key's spill off the backdrop, hard or soft, and leaves the face as it was", () => {
    const v = view();
    const measure = (o: Partial<LightingState>) => {
      v.show(state(o), true);
      return v.measure();
    };
    const dark = measure({ key: { on: false, level: 100 } });
    for (const quality of ['hard', 'soft'] as const) {
      const out = measure({ quality, flag: false });
      const inn = measure({ quality, flag: true });
      expect(out.backdrop - dark.backdrop).toBeGreaterThan(0.04);
      expect((inn.backdrop - dark.backdrop) / (out.backdrop - dark.backdrop)).toBeLessThan(0.15);
      expect(inn.standIn / out.standIn).toBeGreaterThan(0.95);
    }
    v.dispose();
  });

  it('the key lights the stand-in, the fill and the back light add to it, and the lamps glow only when on', () => {
    const v = view();
    v.show(state({ key: { on: false, level: 100 } }), true);
    const off = v.measure().standIn;
    v.show(state({}), true);
    const key = v.measure().standIn;
    v.show(state({ fill: { on: true, level: 40 }, back: { on: true, level: 60 } }), true);
    const all = v.measure().standIn;
    expect(key).toBeGreaterThan(off * 2);
    expect(all).toBeGreaterThan(key * 1.2);
    v.dispose();
  });

  it('the flag swings in over frames and the spill goes when it arrives', () => {
    const v = new LightingView(new THREE.Group(), params() as LightingParams, [0, 1.6, 3.2], () => false);
    v.show(state({ flag: false }), true);
    const spill = v.measure().backdrop;
    v.show(state({ flag: true }));
    expect(v.measure()).toMatchObject({ swing: 1, backdrop: spill });
    for (let i = 0; i < 20; i++) v.frame(1 / 60);
    expect(v.measure().swing).toBeGreaterThan(0);
    expect(v.measure().swing).toBeLessThan(1);
    for (let i = 0; i < 60; i++) v.frame(1 / 60);
    expect(v.measure().swing).toBe(0);
    expect(v.measure().backdrop).toBeLessThan(spill * 0.7);
    v.dispose();
  });

  it('stays inside its budget: at most 5000 triangles drawn, the head facing outwards', () => {
    const group = new THREE.Group();
    const v = new LightingView(group, params() as LightingParams, [0, 1.6, 3.2], () => true);
    v.show(state({}), true);
    let drawn = 0;
    group.traverse((o) => {
      const mesh = o as THREE.Mesh;
      if (mesh.isMesh && mesh.visible) drawn += mesh.geometry.getAttribute('position').count / 3;
    });
    expect(drawn).toBeLessThanOrEqual(5000);
    const head = headGeometry();
    const p = head.getAttribute('position');
    const n = head.getAttribute('normal');
    let outward = 0;
    for (let i = 0; i < p.count; i++) if (p.getX(i) * n.getX(i) + p.getY(i) * n.getY(i) + p.getZ(i) * n.getZ(i) > 0) outward++;
    expect(outward / p.count).toBeGreaterThan(0.97);
    v.dispose();
  });
});

/** The activity as the host makes it, without a renderer. */
function make(code = 'en'): Promise<Activity> {
  const def = SET.stations.find((s) => s.id === 'lighting')!;
  const [sx, sz] = viewSpot(def);
  const station: StationLayout = {
    id: def.id, origin: new THREE.Vector3(def.position[0], 0, def.position[1]), yaw: THREE.MathUtils.degToRad(def.facing),
    spot: new THREE.Vector3(sx, 0, sz), labelAnchor: new THREE.Vector3(), propBoxes: [], def,
  };
  return create({
    id: 'lighting', station, group: new THREE.Group(), set: {} as BuiltSet, content: {} as Content, params: params(), words: words(code), renderer: null,
    sound: { context: () => null, output: () => null, play: () => undefined },
    reducedMotion: () => true, format,
  });
}

describe('the lighting activity (logic, view and words together)', () => {
  it('offers its controls in reading order and says where things stand', async () => {
    const a = await make();
    expect(a.controls().map((c) => `${c.kind}:${c.id}`)).toEqual([
      'toggle:key', 'slider:keyLevel', 'choice:keyQuality', 'toggle:fill', 'slider:fillLevel', 'toggle:back', 'slider:backLevel', 'toggle:flag', 'action:check',
    ]);
    expect(a.status()).toBe('Key 100 % hard · Fill off · Back off · Flag out');
    expect(a.valueText('fillLevel')).toBe('50 %');
    a.dispose();
  });

  it('teaches with every change, succeeds with the gaffer and the cinematographer, and resets', async () => {
    const a = await make();
    expect(a.change('check', true)).toEqual({ text: words('en').text.fixWantSoft, tone: 'bad' });
    expect(a.change('fill', true).text).toContain('Key:fill is 2:1');
    const steps: [string, boolean | string | number][] = [['keyLevel', 80], ['keyQuality', 'soft'], ['fillLevel', 30], ['back', true]];
    for (const [id, value] of steps) expect(a.change(id, value).tone).toBe('info');
    const last = a.change('flag', true);
    expect(last).toEqual({ text: words('en').done, tone: 'good' });
    expect(last.text).toMatch(/gaffer/);
    expect(last.text).toMatch(/cinematographer/);
    expect(a.done).toBe(true);
    expect(a.status()).toBe('Key 80 % soft · Fill 30 % · Back 60 % · Flag in');
    a.reset();
    expect(a.done).toBe(false);
    expect(a.value('flag')).toBe(false);
    a.dispose();
  });

  it('writes the ratio as the visitor reads numbers: a decimal comma in Spanish', async () => {
    const a = await make('es');
    a.change('fill', true);
    expect(a.change('fillLevel', 40).text).toContain('2,5:1');
    a.dispose();
  });
});

describe('lighting content (scenes/activities/lighting*.json)', () => {
  it('the shipped settings and both languages pass', () => {
    expect(validateActivityParams(read(FILE), DEF, SET)).toMatchObject({ ok: true });
    for (const code of ['en', 'es']) expect(validateActivityWords(read(`scenes/activities/lighting/${code}.json`), DEF, code)).toMatchObject({ ok: true });
  });

  it('rejects a target range upside down and a ratio of 1:1 or less', () => {
    const p = params();
    p.target.ratio = { min: 4, max: 2 };
    p.target.key = { min: 90, max: 70 };
    expect(rejected(validateActivityParams(p, DEF, SET))).toEqual(expect.arrayContaining([
      problem(FILE, '$.target.ratio', 'min (4) is above max (2)'),
      problem(FILE, '$.target.key', 'min (90) is above max (70)'),
    ]));
    const q = params();
    q.target.ratio.min = 1;
    expect(rejected(validateActivityParams(q, DEF, SET))).toEqual([problem(FILE, '$.target.ratio.min', 'must be above 1')]);
  });

  it('rejects a ratio no dimmer settings reach, and a start that is already the look', () => {
    const p = params();
    p.dimmerStep = 25;
    p.start = { key: { on: true, level: 75 }, fill: { on: true, level: 25 }, back: { on: true, level: 50 }, quality: 'soft', flag: true };
    p.target.ratio = { min: 3.2, max: 3.6 };
    expect(rejected(validateActivityParams(p, DEF, SET))).toEqual(expect.arrayContaining([problem(FILE, '$.target.ratio', 'no key and fill settings in steps of 25 %')]));
    const q = params();
    q.start = { key: { on: true, level: 80 }, fill: { on: true, level: 30 }, back: { on: true, level: 60 }, quality: 'soft', flag: true };
    expect(rejected(validateActivityParams(q, DEF, SET))).toEqual([problem(FILE, '$.start', 'is already the target look')]);
  });

  it('rejects a dimmer over 100 %, an unknown key quality, a lamp inside the stand-in, a beam that fades backwards, a missing swing time', () => {
    const p = params();
    p.start.key.level = 120;
    (p.target as { quality: string }).quality = 'medium';
    expect(rejected(validateActivityParams(p, DEF, SET))).toEqual(expect.arrayContaining([
      problem(FILE, '$.start.key.level', ''),
      problem(FILE, '$.target.quality', ''),
    ]));
    const q = params();
    q.lamps.fill.at = [q.standIn.at[0] + 0.1, q.standIn.at[1]];
    q.look.cones.soft = { inner: 60, outer: 40 };
    expect(rejected(validateActivityParams(q, DEF, SET))).toEqual([
      problem(FILE, '$.lamps.fill.at', 'inside the stand-in'),
      problem(FILE, '$.look.cones.soft', 'inner (60°) must be below outer (40°)'),
    ]);
    const r = params();
    delete (r.flag as Partial<typeof r.flag>).seconds;
    expect(rejected(validateActivityParams(r, DEF, SET))).toEqual([problem(FILE, '$.flag.seconds', 'required')]);
  });

  it('rejects words with a missing key, a lost placeholder or a typo', () => {
    const file = 'scenes/activities/lighting/es.json';
    const w = words('es');
    delete (w.text as Record<string, string>).flagIn;
    (w.text as Record<string, string>).fillDimmed = 'Relleno al {n} %';
    (w.text as Record<string, string>).flagInn = 'Bandera';
    expect(rejected(validateActivityWords(w, DEF, 'es'))).toEqual(expect.arrayContaining([
      problem(file, '$.text', 'is missing "flagIn"'),
      problem(file, '$.text["fillDimmed"]', 'must contain {ratio}'),
      problem(file, '$.text["flagInn"]', 'is not a word'),
    ]));
  });
});
