import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateActivityParams, validateActivityWords } from '../../src/content/activities-check';
import type { ActivityDef } from '../../src/content/activity-types';
import type { ContentProblem, SetFile } from '../../src/content/types';
import { compare, initialState, misses, reset, setFocus, setLens, setShot, type CameraState } from '../../src/activities/camera/logic';
import { actorDistance, angleOfView, blurMm, inFrame, otherBlurShare, sensorHeight, setupFor, SOFT_SHARE, type CameraParams } from '../../src/activities/camera/params';
import { CameraTexts } from '../../src/activities/camera/texts';
import type { ActivityWords } from '../../src/activities/types';
import { format } from '../../src/ui/dom';

const root = resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(root, file), 'utf8'));
const set = readJson('scenes/set.json') as SetFile;
const def: ActivityDef = { id: 'camera', kind: 'camera', station: 'camera' };
const PARAMS_FILE = 'scenes/activities/camera.json';
const p = readJson(PARAMS_FILE) as CameraParams;
const en = readJson('scenes/activities/camera/en.json') as ActivityWords;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
/** A deep copy of the shipped settings to break. */
const copy = (): Mutable<CameraParams> => JSON.parse(JSON.stringify(p));

function problemsOf(json: unknown): ContentProblem[] {
  const checked = validateActivityParams(json, def, set);
  return checked.ok ? [] : [...checked.problems];
}

/** Runs the visitor's changes from the start, as the card's buttons do. */
function play(...steps: [('lens' | 'shot' | 'focus'), string][]): CameraState {
  let s = initialState(p);
  for (const [id, v] of steps) s = (id === 'lens' ? setLens(p, s, v) : id === 'shot' ? setShot(p, s, v) : setFocus(p, s, v)).state;
  return s;
}

describe('camera: the shipped content', () => {
  it('passes its schema and rules', () => {
    expect(problemsOf(p)).toEqual([]);
  });

  it('has its words in every language the set lists', () => {
    for (const code of set.locales) {
      const checked = validateActivityWords(readJson(`scenes/activities/camera/${code}.json`), def, code);
      expect(checked.ok ? [] : checked.problems).toEqual([]);
    }
  });

  it('starts away from the storyboard frame', () => {
    expect(misses(p, initialState(p)).length).toBeGreaterThan(0);
  });
});

describe('camera: the optics', () => {
  it('gives a Super 35 lens its angle of view (24.9 mm wide, 16:9)', () => {
    expect(sensorHeight(p)).toBeCloseTo(14.006, 3);
    expect(angleOfView(p, 24).horizontal).toBeCloseTo(54.83, 1);
    expect(angleOfView(p, 85).horizontal).toBeCloseTo(16.67, 1);
    expect(angleOfView(p, 50).vertical).toBeCloseTo(15.96, 1);
  });

  it('puts the dolly where the shot size needs it: the same close-up is three and a half times further on an 85 as on a 24', () => {
    const wide = setupFor(p, '24', 'close-up');
    const long = setupFor(p, '85', 'close-up');
    expect(wide.distance).toBeCloseTo((0.5 * 24) / sensorHeight(p), 3);
    expect(long.distance / wide.distance).toBeCloseTo(85 / 24, 3);
    expect(long.frameHeight).toBeCloseTo(0.5, 3);
    expect(long.framed).toBe('close-up');
  });

  it('runs out of track for a wide shot on a long lens, and says what the frame then is', () => {
    const s = setupFor(p, '85', 'wide');
    expect(s.limited).toBe(true);
    expect(s.distance).toBe(p.camera.farthest);
    expect(s.wanted).toBeGreaterThan(10);
    expect(s.framed).toBe('close-up');
  });

  it('blurs by the thin-lens circle: nothing at the focus, more on a longer lens', () => {
    expect(blurMm(85, 2, 3, 3)).toBe(0);
    expect(blurMm(85, 2, 3, 4.6)).toBeGreaterThan(blurMm(24, 2, 3, 4.6));
    // f² / (N (S − f)) × |D − S| / D, in mm
    expect(blurMm(50, 2, 2, 4)).toBeCloseTo(((50 * 50) / (2 * 1950)) * (2000 / 4000), 6);
  });

  it('shows the focus in the storyboard frame, and hardly at all in a wide on a 24', () => {
    expect(otherBlurShare(p, p.target)).toBeGreaterThan(SOFT_SHARE);
    expect(otherBlurShare(p, { lens: '24', shot: 'wide', focus: 'a' })).toBeLessThan(SOFT_SHARE);
  });

  it('keeps both actors in the storyboard frame, B further from the lens', () => {
    const setup = setupFor(p, p.target.lens, p.target.shot);
    expect(actorDistance(p, setup, 'b')).toBeGreaterThan(actorDistance(p, setup, 'a') + 1);
    for (const a of p.actors) {
      const q = inFrame(p, p.target, a.at, 1.62);
      expect(q).not.toBeNull();
      expect(Math.abs(q!.x)).toBeLessThan(1);
      expect(Math.abs(q!.y)).toBeLessThan(1);
    }
  });
});

describe('camera: the state machine', () => {
  it('reaches the goal when lens, shot size and focus match the storyboard, in any order', () => {
    const { lens, shot, focus } = p.target;
    const s = play(['focus', focus], ['shot', shot], ['lens', lens]);
    expect(s.done).toBe(true);
    const last = setLens(p, play(['focus', focus], ['shot', shot]), lens);
    expect(last.event.kind).toBe('match');
  });

  it('compares with the storyboard and says each thing that is off', () => {
    const s = play(['lens', '24'], ['shot', 'wide'], ['focus', 'a']);
    const step = compare(p, s);
    expect(step.state.done).toBe(false);
    expect(step.state.compares).toBe(1);
    expect(step.event).toEqual({ kind: 'off', misses: [{ kind: 'lens', longer: false }, { kind: 'shot' }, { kind: 'focus' }] });
  });

  it('tells a wider lens from a longer one, and a wrong focus alone', () => {
    const off = compare(p, { ...play(['shot', 'close-up'], ['focus', 'b']), lens: '50' });
    expect(off.event).toEqual({ kind: 'off', misses: [{ kind: 'lens', longer: false }] });
    const focus = compare(p, play(['lens', '85'], ['shot', 'close-up'], ['focus', 'a']));
    expect(focus.event).toEqual({ kind: 'off', misses: [{ kind: 'focus' }] });
    // A storyboard drawn on the 50: the 85 is the longer lens.
    const on50 = { ...p, target: { ...p.target, lens: '50' } };
    expect(misses(on50, play(['lens', '85'], ['shot', 'close-up'], ['focus', 'b']))).toEqual([{ kind: 'lens', longer: true }]);
  });

  it('says when the track runs out, and when focus is deep', () => {
    expect(setShot(p, play(['lens', '85']), 'wide').event).toEqual({ kind: 'shot', limited: true });
    expect(setLens(p, play(['shot', 'medium']), '24').event).toEqual({ kind: 'lens', limited: false });
    expect(setFocus(p, play(['lens', '24'], ['shot', 'wide']), 'b').event).toEqual({ kind: 'focus', deep: true });
    expect(setFocus(p, play(['lens', '85'], ['shot', 'close-up']), 'a').event).toEqual({ kind: 'focus', deep: false });
  });

  it('ignores a value that is not offered', () => {
    const s = initialState(p);
    expect(setLens(p, s, '300').event.kind).toBe('ignored');
    expect(setShot(p, s, 'extreme').state).toBe(s);
    expect(setFocus(p, s, 'c').event.kind).toBe('ignored');
  });

  it('keeps the goal once reached, and a reset starts over', () => {
    const { lens, shot, focus } = p.target;
    const done = play(['lens', lens], ['shot', shot], ['focus', focus], ['lens', '24']);
    expect(done.done).toBe(true);
    const fresh = reset(p);
    expect(fresh).toEqual({ ...p.start, done: false, compares: 0 });
  });
});

describe('camera: the words', () => {
  const texts = new CameraTexts(p, en, format);

  it('teaches what a comparison found, in the visitor\'s language', () => {
    const f = texts.feedback(initialState(p), compare(p, play(['lens', '24'], ['shot', 'wide'], ['focus', 'a'])).event);
    expect(f.tone).toBe('bad');
    expect(f.text).toContain('85 mm');
    expect(f.text).toContain('wider');
    expect(f.text).toContain('1st AC');
  });

  it('reads the status and says success with the activity\'s done text', () => {
    const s = play(['lens', '85'], ['shot', 'close-up'], ['focus', 'b']);
    expect(texts.status(s)).toBe('85 mm · Close-up · focus on actor B');
    expect(texts.feedback(s, { kind: 'match' })).toEqual({ tone: 'good', text: en.done });
  });

  it('gives distances in the language\'s numbers', () => {
    const es = new CameraTexts(p, readJson('scenes/activities/camera/es.json') as ActivityWords, format);
    expect(es.metres(3.04)).toBe('3,0 m');
    expect(texts.metres(3.04)).toBe('3.0 m');
  });
});

describe('camera: invalid content is reported with its file and path', () => {
  it('a storyboard lens the camera does not have', () => {
    const bad = copy();
    bad.target.lens = '40';
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ file: PARAMS_FILE, path: '$.target.lens' }));
  });

  it('a storyboard frame the track cannot reach', () => {
    const bad = copy();
    bad.target.shot = 'wide';
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ file: PARAMS_FILE, path: '$.target', message: expect.stringContaining('beyond the track') }));
  });

  it('actor B no further from the lens than actor A', () => {
    const bad = copy();
    const a = bad.actors.findIndex((x) => x.id === 'a');
    const b = bad.actors.findIndex((x) => x.id === 'b');
    bad.actors[b]!.at = [...bad.actors[a]!.at];
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ file: PARAMS_FILE, path: '$.actors' }));
  });

  it('lenses out of order, and one id twice', () => {
    const bad = copy();
    bad.lenses[1] = { ...bad.lenses[0]! };
    const paths = problemsOf(bad).map((x) => x.path);
    expect(paths).toContain('$.lenses[1].id');
    expect(paths).toContain('$.lenses[1].focalMm');
  });

  it('a rig pushed through the soundstage wall', () => {
    const bad = copy();
    bad.camera.aim = [bad.camera.aim[0], bad.camera.aim[1] - 3];
    bad.actors.forEach((x) => (x.at = [x.at[0], x.at[1] - 3]));
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ file: PARAMS_FILE, path: '$.camera', message: expect.stringContaining('walls') }));
  });

  it('a storyboard hung away from the monitor', () => {
    const bad = copy();
    bad.storyboard.at = [bad.storyboard.at[0] - 1, bad.storyboard.at[1]];
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ file: PARAMS_FILE, path: '$.storyboard.at' }));
  });

  it('a field the schema does not know', () => {
    const bad = copy() as unknown as Record<string, unknown>;
    bad['zoom'] = true;
    expect(problemsOf(bad)).toContainEqual(expect.objectContaining({ file: PARAMS_FILE, path: '$.zoom' }));
  });

  it('words missing a key, or a placeholder the app fills in', () => {
    const words = JSON.parse(JSON.stringify(en)) as { text: Record<string, string> };
    delete words.text['compare.focus'];
    words.text['said.focus'] = 'The 1st AC pulls focus.';
    const file = 'scenes/activities/camera/en.json';
    const checked = validateActivityWords(words, def, 'en', file);
    const problems = checked.ok ? [] : checked.problems;
    expect(problems).toContainEqual(expect.objectContaining({ file, path: '$.text', message: expect.stringContaining('compare.focus') }));
    expect(problems).toContainEqual(expect.objectContaining({ file, path: '$.text["said.focus"]' }));
  });
});
