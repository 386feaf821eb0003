import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateActivityParams, validateActivityWords } from '../../src/content/activities-check';
import type { ActivityDef } from '../../src/content/activity-types';
import type { ContentProblem, SetFile } from '../../src/content/types';
import {
  clearance, endLine, endTone, hush, initialState, levelsAt, litSegments, mixAt, playLine, recordTone, setHeight, snap, swayToward, zoneOf, type SoundParams,
} from '../../src/activities/sound/logic';
import { SOUND_WORDS } from '../../src/activities/sound/spec';
import { checkTakeCalls } from '../../src/take/calls-file';
import { undrawable } from '../../src/set/pixel-font';
import type { ActivityWords } from '../../src/activities/types';

const root = resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(root, file), 'utf8'));
const set = readJson('scenes/set.json') as SetFile;
const def: ActivityDef = { id: 'sound', kind: 'sound', station: 'sound' };
const PARAMS_FILE = 'scenes/activities/sound.json';
const p = readJson(PARAMS_FILE) as SoundParams;

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
const copy = (): Mutable<SoundParams> => JSON.parse(JSON.stringify(p));

function problemsOf(json: unknown, s: SetFile = set): ContentProblem[] {
  const checked = validateActivityParams(json, def, s);
  return checked.ok ? [] : [...checked.problems];
}

/** The slider's heights in each zone, from the shipped settings. */
const heights = {
  inShot: p.frame.aboveHeads - 0.2,
  grazing: p.frame.aboveHeads,
  sweet: p.frame.aboveHeads + p.target.min,
  tooHigh: p.mic.max,
};

describe('sound: the shipped content', () => {
  it('passes its schema and rules', () => {
    expect(problemsOf(p)).toEqual([]);
  });

  it('has its words in every language the set lists, and the lettering on the gear can be drawn', () => {
    for (const code of set.locales) {
      const file = `scenes/activities/sound/${code}.json`;
      const json = readJson(file) as ActivityWords;
      const checked = validateActivityWords(json, def, code);
      expect(checked.ok ? [] : checked.problems).toEqual([]);
      for (const key of ['meterVoice', 'meterRoom', 'rec', 'frameLabel', 'inShotSign', 'toneSign', 'logGood', 'logNoGood', 'logTone', 'logToneSpoiled']) expect(undrawable(json.text[key]!.replace(/\{\w+\}/g, '0')), `${code} ${key}`).toEqual([]);
    }
    expect(SOUND_WORDS.length).toBe(new Set(SOUND_WORDS).size);
  });

  it('plays lines the take has recorded in every language', () => {
    for (const code of set.locales) {
      const calls = checkTakeCalls(readJson(`assets/audio/take/${code}/calls.json`));
      expect(calls.ok).toBe(true);
      if (calls.ok) for (const line of p.lines) expect(calls.calls.sprite[line], `${code} ${line}`).toBeDefined();
    }
  });
});

describe('sound: where the mic is', () => {
  it('splits the slider into in shot, grazing, the sweet spot and too high', () => {
    expect(zoneOf(p, heights.inShot)).toBe('in-shot');
    expect(zoneOf(p, heights.grazing)).toBe('grazing');
    expect(zoneOf(p, heights.sweet)).toBe('sweet');
    expect(zoneOf(p, p.frame.aboveHeads + p.target.max)).toBe('sweet');
    expect(zoneOf(p, heights.tooHigh)).toBe('too-high');
    expect(clearance(p, heights.inShot)).toBeCloseTo(-0.2);
  });

  it('snaps slider values to the step and the range', () => {
    expect(snap(p, 0.35000000004)).toBe(0.35);
    expect(snap(p, 0.37)).toBe(0.35);
    expect(snap(p, -1)).toBe(p.mic.min);
    expect(snap(p, 99)).toBe(p.mic.max);
    expect(snap(p, Number.NaN)).toBe(p.mic.start);
  });

  it('loses voice and gains room as the mic rises: 6 dB a doubling of distance', () => {
    const near = levelsAt(p, 0.25);
    const far = levelsAt(p, 0.25 + p.voice.offset + 0.25);
    expect(far.distance).toBeCloseTo(near.distance * 2);
    expect(near.voice - far.voice).toBeCloseTo(6.02, 1);
    expect(far.room - near.room).toBeCloseTo(p.room.risePerDoubling, 5);
    const sweet = levelsAt(p, heights.sweet);
    const high = levelsAt(p, heights.tooHigh);
    expect(sweet.voice - sweet.room).toBeGreaterThan(high.voice - high.room + 10);
    expect(litSegments(p, sweet.voice)).toBeGreaterThan(litSegments(p, high.voice));
    expect(litSegments(p, high.room)).toBeGreaterThan(litSegments(p, sweet.room));
    expect(litSegments(p, p.meter.floor - 10)).toBe(0);
    expect(litSegments(p, 3)).toBe(p.meter.segments);
  });

  it('sounds thinner, more echoing and roomier the higher the mic', () => {
    const low = mixAt(p, p.mic.min);
    const high = mixAt(p, p.mic.max);
    expect(low.voiceGain).toBeCloseTo(1);
    expect(high.voiceGain).toBeLessThan(low.voiceGain);
    expect(high.roomGain / high.voiceGain).toBeGreaterThan((low.roomGain / low.voiceGain) * 10);
    expect(high.highpassHz).toBeCloseTo(p.hear.highpassHz[1]);
    expect(high.lowpassHz).toBeCloseTo(p.hear.lowpassHz[1]);
    expect(high.reverb).toBeGreaterThan(low.reverb);
  });
});

describe('sound: a take', () => {
  it('starts too high, outside the sweet spot', () => {
    const s = initialState(p);
    expect(s.height).toBe(p.mic.start);
    expect(zoneOf(p, s.height)).toBe('too-high');
    expect(s.done).toBe(false);
  });

  it('a take too high fails as "too much room", one in shot as "boom in shot"; neither is done', () => {
    let s = initialState(p);
    const high = playLine(p, s);
    expect(high.zone).toBe('too-high');
    expect(high.state.done).toBe(false);
    s = endLine(high.state);
    s = setHeight(p, s, heights.inShot);
    const low = playLine(p, s);
    expect(low.zone).toBe('in-shot');
    expect(low.state.done).toBe(false);
    expect(low.state.last).toBe('in-shot');
    const grazing = playLine(p, setHeight(p, endLine(low.state), heights.grazing));
    expect(grazing.zone).toBe('grazing');
    expect(grazing.state.done).toBe(false);
  });

  it('a take in the sweet spot is the goal, kept after the boom moves away', () => {
    const s = setHeight(p, initialState(p), heights.sweet);
    const take = playLine(p, s);
    expect(take.zone).toBe('sweet');
    expect(take.state.done).toBe(true);
    expect(take.state.playing).toBe(0);
    const later = setHeight(p, endLine(take.state), heights.tooHigh);
    expect(later.done).toBe(true);
  });

  it('swings the boom toward whoever says the line, part of the way', () => {
    expect(swayToward(p, null)).toBe(0);
    const toA = swayToward(p, 0);
    const toB = swayToward(p, 1);
    expect(Math.sign(toA)).toBe(Math.sign(p.actors[0]!.at[0] - p.mic.at[0]));
    expect(Math.sign(toB)).toBe(Math.sign(p.actors[1]!.at[0] - p.mic.at[0]));
    expect(Math.abs(toA)).toBeLessThan(Math.abs(p.actors[0]!.at[0] - p.mic.at[0]));
  });

  it('alternates the two actors\' lines', () => {
    const first = playLine(p, initialState(p));
    const second = playLine(p, endLine(first.state));
    const third = playLine(p, endLine(second.state));
    expect([first.line, second.line, third.line]).toEqual([0, 1, 0]);
    expect(third.state.takes).toBe(3);
  });

  it('room tone is recorded when nothing moves, and spoiled when the boom does', () => {
    const rolling = recordTone(playLine(p, initialState(p)).state);
    expect(rolling.tone).toBe(true);
    expect(rolling.playing).toBeNull();
    expect(endTone(rolling).toneRecorded).toBe(true);
    expect(setHeight(p, rolling, rolling.height)).toBe(rolling);
    const moved = setHeight(p, rolling, heights.sweet);
    expect(moved.tone).toBe(false);
    expect(moved.toneRecorded).toBe(false);
    expect(hush(rolling).tone).toBe(false);
    expect(hush(rolling).toneRecorded).toBe(false);
  });

  it('reset gives a new visitor the starting state', () => {
    const done = playLine(p, setHeight(p, initialState(p), heights.sweet)).state;
    expect(done.done).toBe(true);
    expect(initialState(p)).toEqual({ height: p.mic.start, playing: null, tone: false, toneRecorded: false, nextLine: 0, takes: 0, last: null, done: false });
  });
});

describe('sound: invalid content is reported with its file and path', () => {
  const expectAt = (problems: ContentProblem[], path: string): void => {
    expect(problems).toContainEqual(expect.objectContaining({ file: PARAMS_FILE, path }));
  };

  it('a third actor (the schema takes two)', () => {
    const bad = copy();
    bad.actors.push({ at: [1, 1], facing: 0, color: '#123456' });
    expectAt(problemsOf(bad), '$.actors');
  });

  it('a colour that is not #rrggbb', () => {
    const bad = copy();
    bad.actors[0]!.color = 'red';
    expectAt(problemsOf(bad), '$.actors[0].color');
  });

  it('a sweet spot no slider position reaches', () => {
    const bad = copy();
    bad.target = { min: 0.01, max: 0.04 };
    expectAt(problemsOf(bad), '$.target');
  });

  it('a start already in the sweet spot', () => {
    const bad = copy();
    bad.mic.start = p.frame.aboveHeads + p.target.min;
    expectAt(problemsOf(bad), '$.mic.start');
  });

  it('a frame line the slider cannot reach', () => {
    const bad = copy();
    bad.frame.aboveHeads = p.mic.max + 0.2;
    expectAt(problemsOf(bad), '$.frame.aboveHeads');
  });

  it('an unknown field', () => {
    const bad = copy() as Mutable<SoundParams> & { boomColor?: string };
    bad.boomColor = '#000000';
    expectAt(problemsOf(bad), '$.boomColor');
  });

  it('a station without a sound cart for the meter', () => {
    const noCart = JSON.parse(JSON.stringify(set)) as { stations: { id: string; props: { type: string }[] }[] } & SetFile;
    const station = noCart.stations.find((s) => s.id === 'sound')!;
    station.props = station.props.filter((pr) => pr.type !== 'sound-cart');
    expectAt(problemsOf(p, noCart), '$');
  });

  it('words missing a key, and a text without its placeholder', () => {
    const en = readJson('scenes/activities/sound/en.json') as { text: Record<string, string> };
    const words = JSON.parse(JSON.stringify(en)) as { text: Record<string, string> };
    delete words.text.play;
    words.text.tooHigh = 'Too high.';
    const checked = validateActivityWords(words, def, 'en');
    const problems = checked.ok ? [] : checked.problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: 'scenes/activities/sound/en.json', path: '$.text' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'scenes/activities/sound/en.json', path: '$.text["tooHigh"]' }));
  });
});
