/**
 * Light a face: the lighting activity's state machine. Pure (no three.js): which lamps are on, their
 * dimmers, the key's quality and the flag, what each change teaches, and what is still wrong with
 * the look. The view draws this state; index.ts turns what it says into the visitor's words.
 */

export type LampId = 'key' | 'fill' | 'back';
export type Quality = 'hard' | 'soft';
export const LAMPS: readonly LampId[] = ['key', 'fill', 'back'];

export interface LampState {
  readonly on: boolean;
  /** The dimmer, per cent. */
  readonly level: number;
}

export interface LightingState {
  readonly key: LampState;
  readonly fill: LampState;
  readonly back: LampState;
  readonly quality: Quality;
  readonly flag: boolean;
  readonly done: boolean;
}

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface LightingTarget {
  readonly key: Range;
  readonly quality: Quality;
  /** key:fill, the key's level over the fill's. */
  readonly ratio: Range;
  readonly back: Range;
  readonly flag: boolean;
}

export interface LightingStart {
  readonly key: LampState;
  readonly fill: LampState;
  readonly back: LampState;
  readonly quality: Quality;
  readonly flag: boolean;
}

export type Vec2 = readonly [number, number];

export interface LampDef {
  readonly at: Vec2;
  readonly height: number;
  readonly color: string;
  readonly power: number;
}

/** scenes/activities/<id>.json of a lighting activity (scenes/schema/activity-lighting.schema.json). */
export interface LightingParams {
  readonly version: 1;
  readonly dimmerStep: number;
  readonly start: LightingStart;
  readonly target: LightingTarget;
  readonly lamps: Readonly<Record<LampId, LampDef>>;
  readonly standIn: { readonly at: Vec2; readonly facing: number; readonly skin: string; readonly hair: string; readonly shirt: string; readonly trousers: string };
  readonly backdrop: { readonly at: Vec2; readonly facing: number; readonly width: number; readonly height: number; readonly bottom: number; readonly color: string };
  readonly flag: { readonly at: Vec2; readonly height: number; readonly width: number; readonly tall: number; readonly facing: number; readonly swing: number; readonly seconds: number };
  readonly look: {
    readonly ambient: number;
    readonly softWrap: number;
    readonly hardEdge: number;
    readonly rim: number;
    readonly haze: number;
    /** Each beam's half-angles, degrees: the key's per quality, the fill's, the back light's. */
    readonly cones: Readonly<Record<'hard' | 'soft' | 'fill' | 'back', { readonly inner: number; readonly outer: number }>>;
  };
}

/** The controls' ids (their labels are the words of the same key). */
export const CONTROLS = {
  key: 'key',
  keyLevel: 'keyLevel',
  keyQuality: 'keyQuality',
  fill: 'fill',
  fillLevel: 'fillLevel',
  back: 'back',
  backLevel: 'backLevel',
  flag: 'flag',
  check: 'check',
} as const;

const LEVEL_OF: Readonly<Record<string, LampId>> = { keyLevel: 'key', fillLevel: 'fill', backLevel: 'back' };

/** What the activity says: a key of its words, the values of that text's placeholders, a tone. */
export interface Said {
  /** A key of the words' `text`, or DONE for the words' `done` (the goal reached). */
  readonly key: string;
  readonly values: Readonly<Record<string, number>>;
  readonly tone: 'info' | 'good' | 'bad';
}
export const DONE = '@done';

const say = (key: string, values: Readonly<Record<string, number>> = {}, tone: Said['tone'] = 'info'): Said => ({ key, values, tone });

export function initialState(start: LightingStart): LightingState {
  return { key: { ...start.key }, fill: { ...start.fill }, back: { ...start.back }, quality: start.quality, flag: start.flag, done: false };
}

/** A lamp gives light: switched on and its dimmer above zero. */
export const lit = (lamp: LampState): boolean => lamp.on && lamp.level > 0;

/** key:fill while both give light (else null): 80 % over 40 % is 2, "2:1". */
export function ratioOf(s: LightingState): number | null {
  return lit(s.key) && lit(s.fill) ? s.key.level / s.fill.level : null;
}

/** A dimmer's new value: a number, clamped to 0–100 and snapped to the dimmer's step. */
export function snapLevel(value: number, step: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value / step) * step));
}

/** What is wrong with the look, most important first (the key shapes the face, so it comes first). */
export function problems(s: LightingState, t: LightingTarget): Said[] {
  const out: Said[] = [];
  const bad = (key: string, values: Readonly<Record<string, number>> = {}): void => void out.push(say(key, values, 'bad'));
  if (!lit(s.key)) bad('fixKeyOff');
  else if (s.key.level < t.key.min) bad('fixKeyDim', { min: t.key.min, max: t.key.max });
  else if (s.key.level > t.key.max) bad('fixKeyBright', { min: t.key.min, max: t.key.max });
  if (s.quality !== t.quality) bad(t.quality === 'soft' ? 'fixWantSoft' : 'fixWantHard');
  const ratio = ratioOf(s);
  if (!lit(s.fill)) bad('fixFillOff', { min: t.ratio.min, max: t.ratio.max });
  else if (lit(s.key) && s.fill.level >= s.key.level) bad('fixFillFlat');
  else if (ratio !== null && ratio > t.ratio.max) bad('fixFillDim', { ratio, min: t.ratio.min, max: t.ratio.max });
  else if (ratio !== null && ratio < t.ratio.min) bad('fixFillBright', { ratio, min: t.ratio.min, max: t.ratio.max });
  if (!lit(s.back)) bad('fixBackOff');
  else if (s.back.level < t.back.min) bad('fixBackDim', { min: t.back.min });
  else if (s.back.level > t.back.max) bad('fixBackBright', { max: t.back.max });
  if (s.flag !== t.flag) bad(t.flag ? 'fixFlagOut' : 'fixFlagIn');
  return out;
}

export const goalMet = (s: LightingState, t: LightingTarget): boolean => problems(s, t).length === 0;

/** What a change of one lamp's switch or dimmer teaches, given the state after it. */
function sayLamp(s: LightingState, lamp: LampId, switched: boolean): Said {
  const l = s[lamp];
  const n = l.level;
  if (!switched && !l.on) return say(`${lamp}LevelOff`, { n });
  if (lamp === 'key') {
    if (switched) return say(l.on ? 'keyOn' : 'keyOff');
    const ratio = ratioOf(s);
    return ratio === null ? say('keyDimmed', { n }) : say('keyDimmedRatio', { n, ratio });
  }
  if (lamp === 'back') return switched ? say(l.on ? 'backOn' : 'backOff') : say('backDimmed', { n });
  if (switched && !l.on) return say('fillOff');
  if (!lit(s.fill)) return say('fillZero');
  if (!lit(s.key)) return say('fillNoKey');
  if (s.fill.level >= s.key.level) return say('fillFlat', { n });
  return say(switched ? 'fillOn' : 'fillDimmed', { n, ratio: s.key.level / s.fill.level });
}

export interface Changed {
  readonly state: LightingState;
  readonly said: Said;
}

/**
 * The visitor changed control `id` (a toggle: a boolean; a dimmer: a number; the key's quality:
 * 'hard' or 'soft'; the check: anything). Reaching the goal (by any change, or on the check) is
 * said with the success words once; after that the activity stays done.
 */
export function change(s: LightingState, id: string, value: boolean | string | number, p: Pick<LightingParams, 'target' | 'dimmerStep'>): Changed {
  let next: LightingState;
  let said: Said;
  const lampOf = LEVEL_OF[id];
  if (id === 'key' || id === 'fill' || id === 'back') {
    next = { ...s, [id]: { ...s[id], on: value === true } };
    said = sayLamp(next, id, true);
  } else if (lampOf !== undefined) {
    next = { ...s, [lampOf]: { ...s[lampOf], level: snapLevel(Number(value), p.dimmerStep) } };
    said = sayLamp(next, lampOf, false);
  } else if (id === CONTROLS.keyQuality) {
    const quality: Quality = value === 'soft' ? 'soft' : 'hard';
    next = { ...s, quality };
    said = say(quality === 'soft' ? 'softKey' : 'hardKey');
  } else if (id === CONTROLS.flag) {
    next = { ...s, flag: value === true };
    said = say(next.flag ? 'flagIn' : 'flagOut');
  } else if (id === CONTROLS.check) {
    const wrong = problems(s, p.target);
    if (wrong.length > 0) return { state: s, said: wrong[0]! };
    return { state: { ...s, done: true }, said: say(DONE, {}, 'good') };
  } else {
    throw new Error(`lighting: no control "${id}"`);
  }
  if (!s.done && goalMet(next, p.target)) return { state: { ...next, done: true }, said: say(DONE, {}, 'good') };
  return { state: next, said };
}
