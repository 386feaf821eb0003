import type * as THREE from 'three';
import type { Content } from '../content/types';
import type { BuiltSet, StationLayout } from '../set/layout';
import type { Schema } from '../content/schema-check';
import type { SetFile } from '../content/types';

/**
 * The contract between the activity host (src/activities/host.ts) and each hands-on activity
 * (src/activities/<kind>/). An activity is a pure state machine (its logic.ts, unit-tested), a 3D
 * view of that state at its station, and a list of controls. The host draws the controls three
 * ways from the same list — DOM buttons and sliders beside the station's text, a pointable panel
 * in a headset, the AR overlay — so an activity never builds interface of its own.
 */

/** One control, as data. Labels are the activity's words (content), never code. */
export type ControlSpec =
  /** On or off (a lamp, a flag): a button with aria-pressed. */
  | { readonly kind: 'toggle'; readonly id: string; readonly label: string }
  /** One of a few (a lens, a shot size, a time of day): a group of pressed/unpressed buttons. */
  | { readonly kind: 'choice'; readonly id: string; readonly label: string; readonly options: readonly { readonly id: string; readonly label: string }[] }
  /** A number in a range (a dimmer, the boom's height): an input type=range, dragged in a headset. */
  | { readonly kind: 'slider'; readonly id: string; readonly label: string; readonly min: number; readonly max: number; readonly step: number }
  /** Something done once (play the line, a safety check, roll the stunt, pick a change): a button. */
  | { readonly kind: 'action'; readonly id: string; readonly label: string };

export type ControlValue = boolean | string | number;

/** What a change did, said once to everyone: shown in the card, announced by its live region. */
export interface Feedback {
  readonly text: string;
  /** good: the goal was reached (or a right step); bad: a mistake explained; info: what changed. */
  readonly tone: 'info' | 'good' | 'bad';
}

export interface Activity {
  /** The controls, in reading order. The list may change after a change (a step done, a stage reached). */
  controls(): readonly ControlSpec[];
  /** A toggle's, choice's or slider's current value. */
  value(id: string): ControlValue;
  /** A slider's value as words (e.g. "1.9 m above the floor"), for aria-valuetext and the headset panel. */
  valueText(id: string): string;
  /** Whether a control can't be used now (a check already done). */
  disabled(id: string): boolean;
  /** The visitor changed a control (actions: value is true). */
  change(id: string, value: ControlValue): Feedback;
  /** The goal has been reached (kept: the host records it with the visit). */
  readonly done: boolean;
  /** One short line of where things stand (e.g. "Key on · Fill off · Back on"), or ''. */
  status(): string;
  /** Called every frame while the activity is open (animations, a playing line, a fall). */
  frame(dt: number): void;
  /**
   * Optional: something the activity has to say on its own, later than a change (a fall landed,
   * a line finished playing). Polled each frame while open; a Feedback returned is shown and
   * announced once, and the card is brought up to date (status, done).
   */
  poll?(): Feedback | null;
  /** Back to how a new visitor finds it (a kiosk's idle reset, "Start again"). */
  reset(): void;
  /** Called when the card opens and closes (start or stop sound, show or hide a monitor). */
  setOpen(open: boolean): void;
  /** Tests and the bench: the activity's state as plain data. */
  debug(): Record<string, unknown>;
  dispose(): void;
}

/** An activity's words in the visitor's language (scenes/activities/<id>/<lang>.json). */
export interface ActivityWords {
  readonly locale: string;
  /** The card's heading, e.g. "Light a face". */
  readonly title: string;
  /** What to do, one or two sentences. */
  readonly goal: string;
  /** Said on success: what the visitor just did, as the crew member's job. */
  readonly done: string;
  /** Every other word the activity shows (control labels, feedback), by the keys its spec lists. */
  readonly text: Readonly<Record<string, string>>;
}

/** Plays short sounds for an activity through the app's audio (muted and volume respected). */
export interface ActivitySound {
  /** The Web Audio context, once the visitor has interacted (null before, or without audio). */
  context(): AudioContext | null;
  /** Where an activity connects its nodes: the app's output with its volume and mute applied. */
  output(): AudioNode | null;
  /** One of the set's sounds (assets/audio/set/), e.g. 'bell', 'slate'. */
  play(id: string): void;
}

/** What an activity is given when it is made. */
export interface ActivityEnv<P = unknown> {
  readonly id: string;
  readonly station: StationLayout;
  /**
   * A group in the station's own frame, under the set's root: x and z are the props' `at`
   * coordinates in scenes/set.json (origin at the station, turned by its facing), y is up. What an
   * activity adds here scales with the AR model and is removed by the host on dispose.
   */
  readonly group: THREE.Group;
  readonly set: BuiltSet;
  readonly content: Content;
  readonly params: P;
  readonly words: ActivityWords;
  /** Null where there is no WebGL renderer (a test without a canvas). */
  readonly renderer: THREE.WebGLRenderer | null;
  readonly sound: ActivitySound;
  readonly reducedMotion: () => boolean;
  /** Fills {placeholders} in a text: format(words.text.x, { n: 2 }). */
  readonly format: (text: string, values: Readonly<Record<string, string | number>>) => string;
}

/** A kind's runtime module (src/activities/<kind>/index.ts): a lazy chunk of its own. */
export interface ActivityModule {
  create(env: ActivityEnv<unknown>): Activity | Promise<Activity>;
}

/** Reports a problem at a JSON path of the file being checked. */
export type ReportAt = (path: string, message: string) => void;

/**
 * A kind's content rules (src/activities/<kind>/spec.ts): pure, no three.js, imported by
 * check-content, the build and the validators' lazy chunk.
 */
export interface ActivitySpec {
  readonly kind: string;
  /** The JSON schema of scenes/activities/<id>.json for this kind. */
  readonly schema: Schema;
  /** Keys its words' `text` must have. */
  readonly words: readonly string[];
  /** Placeholders a text must carry (key → ['{n}', ...]). */
  readonly placeholders?: Readonly<Record<string, readonly string[]>>;
  /** Checks beyond the schema (a target that is one of the options, ids that exist on the set). */
  check(params: unknown, report: ReportAt, scope: { readonly set: SetFile; readonly station: string }): void;
  /** Whether it reads on the tabletop AR model; the rest offer life size. */
  readonly onModel: boolean;
}
