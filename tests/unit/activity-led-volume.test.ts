import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateActivityParams, validateActivityWords } from '../../src/content/activities-check';
import type { ActivityDef } from '../../src/content/activity-types';
import type { SetFile } from '../../src/content/types';
import { initialState, matches, roll, setTime, setWeather, wanted } from '../../src/activities/led-volume/logic';
import type { LedParams } from '../../src/activities/led-volume/params';
import { wallFactors, wallLight } from '../../src/activities/led-volume/wall-light';
import { wallAt } from '../../src/activities/led-volume/spec';
import { Say } from '../../src/activities/led-volume/say';
import type { ActivityWords } from '../../src/activities/types';
import { format } from '../../src/ui/dom';

const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const SET = read('scenes/set.json') as SetFile;
const PARAMS_FILE = 'scenes/activities/led-volume.json';
const DEF: ActivityDef = { id: 'led-volume', kind: 'led-volume', station: 'led-volume' };
/** A fresh copy of the shipped settings, to break. */
const params = (): LedParams => structuredClone(read(PARAMS_FILE)) as LedParams;
const words = (code: string): Record<string, unknown> => structuredClone(read(`scenes/activities/led-volume/${code}.json`)) as Record<string, unknown>;

const problemsOf = (result: { ok: boolean; problems?: readonly unknown[] }): readonly unknown[] => {
  if (result.ok) throw new Error('expected the content to be rejected, but it was accepted');
  return result.problems ?? [];
};
const problem = (file: string, path: string, fragment: string): unknown => ({ file, path, message: expect.stringContaining(fragment) });

describe('the LED volume logic', () => {
  const p = params();

  it('starts on the start look with the first request wanted', () => {
    const s = initialState(p.start);
    expect(s).toMatchObject({ time: 'sunset', weather: 'clear', request: 0, done: false });
    expect(wanted(s, p.requests)).toEqual({ time: 'night', weather: 'storm' });
    expect(matches(s, p.requests)).toBe(false);
  });

  it('rolling on the wrong look says which part differs and does not advance', () => {
    const s = setTime(initialState(p.start), 'night');
    const r = roll(s, p.requests);
    expect(r.result).toEqual({ kind: 'wrong', time: false, weather: true, want: { time: 'night', weather: 'storm' } });
    expect(r.state.request).toBe(0);
    expect(r.state.done).toBe(false);
    expect(r.state.rolls).toBe(1);
    const both = roll(setWeather(initialState(p.start), 'snow'), p.requests);
    expect(both.result).toMatchObject({ kind: 'wrong', time: true, weather: true });
  });

  it('matching every request in order reaches the goal; reset starts over', () => {
    let s = setWeather(setTime(initialState(p.start), 'night'), 'storm');
    expect(matches(s, p.requests)).toBe(true);
    let r = roll(s, p.requests);
    expect(r.result).toEqual({ kind: 'next', next: { time: 'dawn', weather: 'snow' } });
    s = r.state;
    expect(s.done).toBe(false);
    // the next request is not met by the look that met the last one
    expect(roll(s, p.requests).result.kind).toBe('wrong');
    s = setWeather(setTime(s, 'dawn'), 'snow');
    r = roll(s, p.requests);
    expect(r.result).toEqual({ kind: 'done' });
    expect(r.state.done).toBe(true);
    expect(wanted(r.state, p.requests)).toBeNull();
    expect(roll(r.state, p.requests).result).toEqual({ kind: 'wrapped' });
    expect(initialState(p.start)).toMatchObject({ request: 0, done: false, rolls: 0 });
  });
});

describe('what the activity says', () => {
  const p = params();
  const en = read('scenes/activities/led-volume/en.json') as ActivityWords;
  const say = new Say({ words: en, format }, p);

  it('a wrong first take explains the camera frame, then names both parts that differ', () => {
    const s = initialState(p.start);
    const r = roll(s, p.requests);
    const f = say.rolled(r.result, r.state);
    expect(f.tone).toBe('bad');
    expect(f.text).toBe(`${en.text.rolling} ${en.text.cut} ${format(en.text.rollWrongTime!, { have: 'Sunset', want: 'Night' })} ${format(en.text.rollWrongWeather!, { have: 'Clear', want: 'Storm' })}`);
    // a later take leaves out the explanation, and only names what is still wrong
    const again = roll(setTime(r.state, 'night'), p.requests);
    expect(say.rolled(again.result, again.state).text).toBe(`${en.text.cut} ${format(en.text.rollWrongWeather!, { have: 'Clear', want: 'Storm' })}`);
  });

  it('a change teaches, and nudges to roll once the look matches; the status names both looks', () => {
    const s = setTime(initialState(p.start), 'night');
    expect(say.changed('night', matches(s, p.requests))).toEqual({ text: en.text['said.night'], tone: 'info' });
    const m = setWeather(s, 'storm');
    expect(say.changed('storm', matches(m, p.requests)).text).toBe(`${en.text['said.storm']} ${en.text.matches}`);
    expect(say.status(m, wanted(m, p.requests))).toBe('On the wall: Night · Storm · Director wants: Night · Storm');
    expect(say.controls().map((c) => c.id)).toEqual(['time', 'weather', 'roll']);
  });

  it('the last right take says the supervisor’s job', () => {
    let s = setWeather(setTime(initialState(p.start), 'night'), 'storm');
    s = roll(s, p.requests).state;
    const r = roll(setWeather(setTime(s, 'dawn'), 'snow'), p.requests);
    expect(say.rolled(r.result, r.state)).toEqual({ text: en.done, tone: 'good' });
    expect(say.status(r.state, null)).toBe('On the wall: Dawn · Snow · All set-ups shot');
  });
});

describe('the wall’s light', () => {
  const p = params();
  const time = (id: string) => p.times.find((t) => t.id === id)!;
  const weather = (id: string) => p.weathers.find((w) => w.id === id)!;

  it('is warm at sunset, bright at noon, blue and dim at night, darker in a storm', () => {
    const sunset = wallLight(time('sunset'), weather('clear'));
    const noon = wallLight(time('noon'), weather('clear'));
    const night = wallLight(time('night'), weather('clear'));
    const storm = wallLight(time('noon'), weather('storm'));
    expect(sunset[0]).toBeGreaterThan(sunset[2] * 3);
    expect(night[2]).toBeGreaterThan(night[0] * 2);
    expect(noon[1]).toBeGreaterThan(sunset[1]);
    expect(night[0] + night[1] + night[2]).toBeLessThan((noon[0] + noon[1] + noon[2]) / 4);
    expect(storm[0] + storm[1] + storm[2]).toBeLessThan((noon[0] + noon[1] + noon[2]) * 0.6);
  });

  it('reaches a surface facing the wall more than one turned away', () => {
    const wall = wallAt(SET, 'led-volume')!;
    // two points 1.8 m in front of the wall's middle: one facing it (-z), one facing the visitor (+z)
    const f = wallFactors([0, 1.5, -2.6, 0, 1.5, -2.6], [0, 0, -1, 0, 0, 1], wall);
    expect(f[0]).toBeGreaterThan(0.9);
    // the side turned away still gets the wall's colour round it (the wrap), but less
    expect(f[1]).toBeLessThan(f[0]! * 0.75);
    expect(f[1]).toBeGreaterThanOrEqual(0.5);
  });
});

describe('the LED volume content', () => {
  it('the shipped settings and words pass', () => {
    expect(validateActivityParams(read(PARAMS_FILE), DEF, SET)).toMatchObject({ ok: true });
    for (const code of SET.locales) expect(validateActivityWords(read(`scenes/activities/led-volume/${code}.json`), DEF, code)).toMatchObject({ ok: true });
  });

  it('refuses a request for a time of day the buttons do not offer', () => {
    const p = params() as unknown as { times: unknown[] };
    p.times = p.times.filter((t) => (t as { id: string }).id !== 'night');
    expect(problemsOf(validateActivityParams(p, DEF, SET))).toContainEqual(problem(PARAMS_FILE, '$.requests[0].time', 'not one of the times offered'));
  });

  it('refuses a first request the wall already shows', () => {
    const p = params() as unknown as { requests: unknown[] };
    p.requests[0] = { time: 'sunset', weather: 'clear' };
    expect(problemsOf(validateActivityParams(p, DEF, SET))).toContainEqual(problem(PARAMS_FILE, '$.requests[0]', 'already shows'));
  });

  it('refuses a stand-in behind the wall and an unknown weather', () => {
    const p = params() as unknown as { standIn: { at: number[] } };
    p.standIn.at = [0, -5];
    expect(problemsOf(validateActivityParams(p, DEF, SET))).toContainEqual(problem(PARAMS_FILE, '$.standIn.at', 'in front of the LED wall'));
    const q = params() as unknown as { weathers: { id: string }[] };
    q.weathers[1]!.id = 'fog';
    expect(problemsOf(validateActivityParams(q, DEF, SET))).toContainEqual(problem(PARAMS_FILE, '$.weathers[1].id', 'must be one of'));
  });

  it('refuses a camera frame turned inside out', () => {
    const p = params() as unknown as { frustum: number[] };
    p.frustum = [0.7, 0.2, 0.3, 0.8];
    expect(problemsOf(validateActivityParams(p, DEF, SET))).toContainEqual(problem(PARAMS_FILE, '$.frustum', 'right at least 0.1 past left'));
  });

  it('refuses a colour that is not #rrggbb', () => {
    const p = params() as unknown as { times: { sky: string[] }[] };
    p.times[0]!.sky[1] = 'pink';
    expect(problemsOf(validateActivityParams(p, DEF, SET))).toContainEqual(problem(PARAMS_FILE, '$.times[0].sky[1]', 'does not match'));
  });

  it('refuses words missing a label or dropping a placeholder', () => {
    const file = 'scenes/activities/led-volume/es.json';
    const w = words('es') as { text: Record<string, string> };
    delete w.text['weather.snow'];
    w.text.rollNext = 'Siguiente plano.';
    const problems = problemsOf(validateActivityWords(w, DEF, 'es'));
    expect(problems).toContainEqual(problem(file, '$.text', 'missing "weather.snow"'));
    expect(problems).toContainEqual(problem(file, '$.text["rollNext"]', '{look}'));
  });

  it('refuses a station without an LED wall', () => {
    const set = structuredClone(SET) as unknown as { stations: { id: string; props: { type: string }[] }[] };
    const station = set.stations.find((s) => s.id === 'led-volume')!;
    station.props = station.props.filter((p) => p.type !== 'led-wall');
    expect(problemsOf(validateActivityParams(read(PARAMS_FILE), DEF, set as unknown as SetFile))).toContainEqual(problem(PARAMS_FILE, '$', 'no led-wall prop'));
  });
});
