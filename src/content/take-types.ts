import type { Vec2 } from './types';

/**
 * Typed shape of a take: scenes/take.json (the calls in order, who says each, what everyone does
 * and for how long) and scenes/take/<language>.json (every word of it). The performers and gear it
 * names are the hot set's (scenes/set.json, `hotSet`). scenes/schema/take*.schema.json describe
 * the same shape for authors' editors; src/content/take-check.ts checks both files.
 */

/**
 * What a performer or a piece of gear can be told to do. Each has its own motion (src/take/motions.ts):
 * - walk (to), turn (facing): move on the floor, in the hot set's frame;
 * - raise-hand, point, nod, speak, lean (toward a monitor), write, touch-up (make-up's last looks): gestures;
 * - show-slate, clap-slate: the 2nd AC's slate in frame, then the clap;
 * - boom-up, boom-follow (target: whom the mic follows), boom-rest: the boom pole;
 * - pull-focus (target: whom focus goes to): the focus puller's wheel;
 * - dolly (to: where the dolly car goes along its track): gear of type dolly;
 * - switch-on, switch-off: gear of type red-light.
 */
export const TAKE_ACTIONS = [
  'walk', 'turn', 'raise-hand', 'point', 'nod', 'speak', 'lean', 'write', 'touch-up',
  'show-slate', 'clap-slate', 'boom-up', 'boom-follow', 'boom-rest', 'pull-focus',
  'dolly', 'switch-on', 'switch-off',
] as const;
export type TakeActionKind = (typeof TAKE_ACTIONS)[number];

/** Actions only gear does; every other action is a performer's. */
export const GEAR_ACTIONS: Readonly<Record<string, readonly TakeActionKind[]>> = {
  dolly: ['dolly'],
  'red-light': ['switch-on', 'switch-off'],
};

export interface TakeAction {
  /** A performer id or a gear id from the hot set. */
  readonly who: string;
  readonly do: TakeActionKind;
  /** Seconds after the step starts (default 0). */
  readonly at?: number;
  /** How long it lasts, seconds (default: to the end of the step). */
  readonly seconds?: number;
  /** walk, dolly: where to, in the hot set's frame. */
  readonly to?: Vec2;
  /** turn: the new facing; walk: the facing kept while walking (a side-step beside the dolly). Degrees, hot set frame. */
  readonly facing?: number;
  /** boom-follow, pull-focus, turn (instead of facing): a performer id. */
  readonly target?: string;
}

/** Set sounds a step can start with (the set-sounds sprite of the visitor's language). */
export const TAKE_SOUNDS = ['bell', 'slate'] as const;
export type TakeSound = (typeof TAKE_SOUNDS)[number];

export interface TakeStepDef {
  /** Unique in the take; its words are scenes/take/<language>.json `steps.<id>`. */
  readonly id: string;
  /** The performer who makes the call (their role tag lights up while it lasts). */
  readonly speaker: string;
  readonly seconds: number;
  /** An answer the speaker must give on cue ("Speed!"): a classroom student holding that role gives it. */
  readonly cue?: boolean;
  readonly sound?: TakeSound;
  /** Between "Action!" and "Cut!": the camera is rolling on the shot. */
  readonly rolling?: boolean;
  readonly actions: readonly TakeAction[];
}

export interface TakeFile {
  readonly $schema?: string;
  readonly version: 1;
  /** What the slate says (scene and take numbers, camera letter). */
  readonly slate: { readonly scene: string; readonly take: number; readonly camera: string };
  /** The gear id of the camera whose view the video-village monitor shows. */
  readonly camera: string;
  readonly steps: readonly TakeStepDef[];
}

/** Every word of the take's interface. Keys are code; their text is content. */
export const TAKE_UI_KEYS = [
  'title', 'stop', 'again', 'follow', 'followAll', 'progress', 'speakerLine', 'started', 'finished', 'stopped', 'monitor', 'loading', 'failed',
] as const;
export type TakeUiKey = (typeof TAKE_UI_KEYS)[number];

/** Placeholders the take's interface words must carry (the app fills them in). */
export const TAKE_UI_PLACEHOLDERS: Partial<Record<TakeUiKey, readonly string[]>> = {
  title: ['{scene}', '{take}'],
  progress: ['{n}', '{total}'],
  speakerLine: ['{who}', '{text}'],
};

export interface TakeStepText {
  /** The call as said, e.g. "Roll sound!" (spoken, captioned, announced). */
  readonly call: string;
  /** What happens on this call, for a visitor following the whole crew. */
  readonly what: string;
}

export interface FollowText {
  /** Said when the visitor chooses to follow this performer. */
  readonly intro: string;
  /** Their point of view at a step (step id → text); steps without one show `idle`. */
  readonly steps: Readonly<Record<string, string>>;
  /** What they do while nothing is asked of them. */
  readonly idle: string;
}

export interface TakeLocaleFile {
  readonly $schema?: string;
  readonly locale: string;
  readonly ui: Readonly<Record<TakeUiKey, string>>;
  readonly steps: Readonly<Record<string, TakeStepText>>;
  /** performer id → their point of view; every performer on the hot set has one. */
  readonly follow: Readonly<Record<string, FollowText>>;
}

export const TAKE_FILE = 'scenes/take.json';
export const takeLocaleFile = (code: string): string => `scenes/take/${code}.json`;
