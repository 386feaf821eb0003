/**
 * The sound activity's state machine: where the boom's mic hangs over the two stand-ins, what that
 * does to the picture (in shot or not) and to the sound (the voice's level against the room's), a
 * line played as a take, and room tone recorded. Pure: no three.js, no Web Audio (tests run it).
 */

/** scenes/activities/sound.json, as scenes/schema/activity-sound.schema.json describes it. */
export interface SoundParams {
  readonly version: 1;
  /** The two stand-ins, in the station's frame; actors[i] says lines[i]. */
  readonly actors: readonly { readonly at: readonly [number, number]; readonly facing: number; readonly color: string }[];
  /** Sprite ids in the take's dialogue (assets/audio/take/<lang>/calls.json). */
  readonly lines: readonly string[];
  /** The mic: where it hangs over the actors, and its slider (its lowest point above their heads, metres). */
  readonly mic: { readonly at: readonly [number, number]; readonly min: number; readonly max: number; readonly step: number; readonly start: number; readonly follow: number };
  /** The top of the picture above the taller actor's head, the picture's width at the mic, the camera's distance. */
  readonly frame: { readonly aboveHeads: number; readonly width: number; readonly cameraDistance: number };
  /** The sweet spot: how far above the frame line the mic's lowest point may be, metres. */
  readonly target: { readonly min: number; readonly max: number };
  /** Mouth-to-mic distance when the mic is level with the heads; the voice's level at a reference distance. */
  readonly voice: { readonly offset: number; readonly refDistance: number; readonly refLevel: number };
  /** What the mic hears of the room at the reference distance, and how much more each time the distance doubles. */
  readonly room: { readonly refLevel: number; readonly risePerDoubling: number; readonly lowpassHz: number };
  /** How the line is coloured from the lowest mic to the highest ([near, far]), and how much of the voice's drop the mixer makes up. */
  readonly hear: { readonly highpassHz: readonly [number, number]; readonly lowpassHz: readonly [number, number]; readonly reverb: readonly [number, number]; readonly makeup: number };
  /** The meter on the cart: its bottom (dB) and how many lights a column. */
  readonly meter: { readonly floor: number; readonly segments: number };
  /** A real room tone lasts `seconds`; here `demoSeconds` of it are played. */
  readonly roomTone: { readonly seconds: number; readonly demoSeconds: number };
}

/** Where the mic is with respect to the picture and the sweet spot. */
export type Zone = 'in-shot' | 'grazing' | 'sweet' | 'too-high';

export interface Levels {
  /** Mouths to mic, metres. */
  readonly distance: number;
  /** The voice on the meter, dB (0 = full scale). */
  readonly voice: number;
  /** The room (air-con, reflections, the crew) on the meter, dB. */
  readonly room: number;
  /** 0 at the lowest mic, 1 at the highest: how far along the "thin and distant" colouring is. */
  readonly far: number;
}

export interface SoundState {
  /** The slider: the mic's lowest point above the actors' heads, metres. */
  readonly height: number;
  /** The line playing (index into lines), or null. How long it has left is the caller's clock. */
  readonly playing: number | null;
  /** Room tone is rolling: everyone is frozen. */
  readonly tone: boolean;
  readonly toneRecorded: boolean;
  /** The line the next "Play the line" plays. */
  readonly nextLine: number;
  readonly takes: number;
  readonly last: Zone | null;
  readonly done: boolean;
}

/** What a take was: its zone (the verdict) and the line it played. */
export interface TakeResult {
  readonly state: SoundState;
  readonly zone: Zone;
  readonly line: number;
}

const round = (v: number, step: number): number => Math.round(v / step) * step;
/** Slider values are multiples of the step: compared with the targets without float noise. */
const EPS = 1e-6;

export function initialState(p: SoundParams): SoundState {
  return { height: snap(p, p.mic.start), playing: null, tone: false, toneRecorded: false, nextLine: 0, takes: 0, last: null, done: false };
}

/** A slider value clamped to the range and rounded to its step (an input can send 0.35000000004). */
export function snap(p: SoundParams, h: number): number {
  const v = Math.min(p.mic.max, Math.max(p.mic.min, Number.isFinite(h) ? h : p.mic.start));
  return Number((p.mic.min + round(v - p.mic.min, p.mic.step)).toFixed(6));
}

/** The mic's lowest point above the frame line, metres (negative: inside the picture). */
export function clearance(p: SoundParams, h: number): number {
  return Number((h - p.frame.aboveHeads).toFixed(6));
}

export function zoneOf(p: SoundParams, h: number): Zone {
  const c = clearance(p, h);
  if (c < -EPS) return 'in-shot';
  if (c < p.target.min - EPS) return 'grazing';
  if (c <= p.target.max + EPS) return 'sweet';
  return 'too-high';
}

/**
 * The voice falls 6 dB each time the distance doubles (inverse distance); the mic hears more of the
 * room the farther it is (its pickup takes in more of the walls, floor and crew), by risePerDoubling.
 */
export function levelsAt(p: SoundParams, h: number): Levels {
  const distance = Math.max(0.05, h + p.voice.offset);
  const doublings = Math.log2(distance / p.voice.refDistance);
  const clampDb = (db: number): number => Math.min(0, Math.max(p.meter.floor, db));
  return {
    distance,
    voice: clampDb(p.voice.refLevel - 6.0206 * doublings),
    room: clampDb(p.room.refLevel + p.room.risePerDoubling * doublings),
    far: p.mic.max > p.mic.min ? (h - p.mic.min) / (p.mic.max - p.mic.min) : 0,
  };
}

/** How many lights of a meter column a level lights (0 … segments). */
export function litSegments(p: SoundParams, db: number): number {
  const t = (db - p.meter.floor) / -p.meter.floor;
  return Math.max(0, Math.min(p.meter.segments, Math.round(t * p.meter.segments)));
}

export const busy = (s: SoundState): boolean => s.playing !== null || s.tone;

/**
 * The boom moves. During room tone that spoils it (the pole's rustle is on the recording): the
 * tone stops, unrecorded, and the caller says why (`tone` was on and is now off).
 */
export function setHeight(p: SoundParams, s: SoundState, h: number): SoundState {
  const height = snap(p, h);
  if (height === s.height) return s;
  return { ...s, height, tone: false };
}

/**
 * "Play the line": a take of the next line, judged by where the mic is as it starts. Played over
 * room tone, it spoils the tone (it stops, unrecorded).
 */
export function playLine(p: SoundParams, s: SoundState): TakeResult {
  const zone = zoneOf(p, s.height);
  const line = s.nextLine;
  const state: SoundState = {
    ...s,
    playing: line,
    tone: false,
    nextLine: (line + 1) % p.lines.length,
    takes: s.takes + 1,
    last: zone,
    done: s.done || zone === 'sweet',
  };
  return { state, zone, line };
}

/** "Record room tone": the room's own silence, with everyone frozen (a line playing stops; pressed again, it starts over). */
export function recordTone(s: SoundState): SoundState {
  return { ...s, playing: null, tone: true };
}

/** The line has been said. */
export function endLine(s: SoundState): SoundState {
  return s.playing === null ? s : { ...s, playing: null };
}

/** The room tone is in the can. */
export function endTone(s: SoundState): SoundState {
  return s.tone ? { ...s, tone: false, toneRecorded: true } : s;
}

/** Where the boom aims for a line (null: none yet): this far along x from the mic's place, toward the actor who says it (metres). */
export function swayToward(p: SoundParams, line: number | null): number {
  const actor = line === null ? undefined : p.actors[line];
  return actor ? (actor.at[0] - p.mic.at[0]) * p.mic.follow : 0;
}

/** What the visitor hears through the mixer: linear gains for the voice and the room, and the voice's colouring. */
export interface Mix {
  readonly voiceGain: number;
  readonly roomGain: number;
  readonly highpassHz: number;
  readonly lowpassHz: number;
  readonly reverb: number;
}

const gain = (db: number): number => 10 ** (db / 20);
/** Frequencies are heard in octaves: interpolate them geometrically. */
const lerpHz = (pair: readonly [number, number], t: number): number => pair[0] * (pair[1] / pair[0]) ** t;

/**
 * The mic's levels after the mixer's fader: relative to the closest mic (0 dB), the voice loses only
 * what the fader does not make up, and the room rises by what it does, so farther away the line
 * stays audible but thinner, more echoing and with more room under it.
 */
export function mixAt(p: SoundParams, h: number): Mix {
  const here = levelsAt(p, h);
  const loudest = levelsAt(p, p.mic.min).voice;
  const drop = Math.max(0, loudest - here.voice);
  const t = Math.min(1, Math.max(0, here.far));
  return {
    voiceGain: gain(-drop * (1 - p.hear.makeup)),
    roomGain: gain(here.room - loudest + drop * p.hear.makeup),
    highpassHz: lerpHz(p.hear.highpassHz, t),
    lowpassHz: lerpHz(p.hear.lowpassHz, t),
    reverb: p.hear.reverb[0] + (p.hear.reverb[1] - p.hear.reverb[0]) * t,
  };
}

/** The card closes (or the visitor walks off): the line and the room tone stop, unrecorded. */
export function hush(s: SoundState): SoundState {
  return busy(s) ? { ...s, playing: null, tone: false } : s;
}
