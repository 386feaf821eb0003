/**
 * The narration manifest of one language, assets/audio/narration/<code>/manifest.json, written by
 * scripts/build-narration.ts. It lists each station's narration audio and captions with a hash of
 * the text they were made from, so a test can tell when content text changed and the audio did
 * not. An author may replace any audio file (and its captions) with a recording: set its
 * `source` to "recorded" and the generator leaves it alone.
 */

import { ARRIVAL_SOUNDS, type ArrivalSound } from '../content/types';

/** The set sounds in each language's sprite are the ones stations may play on arrival. */
export const SET_SOUNDS = ARRIVAL_SOUNDS;
export type SetSound = ArrivalSound;

export interface NarrationEntry {
  /** File names relative to the manifest's folder. */
  readonly audio: string;
  readonly captions: string;
  /** Seconds. */
  readonly duration: number;
  /** sha256 (hex) of the narration script text, see scriptText(). */
  readonly textHash: string;
  readonly source: 'generated' | 'recorded';
}

export interface NarrationManifest {
  readonly version: 1;
  readonly locale: string;
  /** What spoke the generated files, for the credits (assets/audio/README.md). */
  readonly voice: string;
  readonly stations: Readonly<Record<string, NarrationEntry>>;
  readonly setSounds: {
    readonly audio: string;
    readonly textHash: string;
    /** Howler sprite: name → [offset ms, duration ms]. */
    readonly sprite: Readonly<Record<SetSound, readonly [number, number]>>;
  };
}

export const narrationFolder = (code: string): string => `assets/audio/narration/${code}/`;
export const manifestFile = (code: string): string => `${narrationFolder(code)}manifest.json`;

const FILE = /^[a-z0-9][a-z0-9._-]*\.(mp3|ogg|webm|m4a|wav|vtt)$/;

/** Checks a parsed manifest, naming the first problem's path. Never throws. */
export function checkManifest(raw: unknown): { ok: true; manifest: NarrationManifest } | { ok: false; path: string; message: string } {
  const fail = (path: string, message: string): { ok: false; path: string; message: string } => ({ ok: false, path, message });
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(raw)) return fail('$', 'must be an object');
  if (raw.version !== 1) return fail('$.version', 'must be 1');
  if (typeof raw.locale !== 'string') return fail('$.locale', 'must be a string');
  if (!isObj(raw.stations)) return fail('$.stations', 'must be an object');
  for (const [id, e] of Object.entries(raw.stations)) {
    const at = `$.stations.${id}`;
    if (!isObj(e)) return fail(at, 'must be an object');
    for (const key of ['audio', 'captions'] as const) {
      if (typeof e[key] !== 'string' || !FILE.test(e[key])) return fail(`${at}.${key}`, 'must be a plain file name in the same folder');
    }
    if (typeof e.duration !== 'number' || !(e.duration > 0)) return fail(`${at}.duration`, 'must be a positive number of seconds');
    if (typeof e.textHash !== 'string') return fail(`${at}.textHash`, 'must be a string');
  }
  const s = raw.setSounds;
  if (!isObj(s)) return fail('$.setSounds', 'must be an object');
  if (typeof s.audio !== 'string' || !FILE.test(s.audio)) return fail('$.setSounds.audio', 'must be a plain file name in the same folder');
  if (!isObj(s.sprite)) return fail('$.setSounds.sprite', 'must be an object');
  for (const name of SET_SOUNDS) {
    const r = s.sprite[name];
    if (!Array.isArray(r) || r.length !== 2 || !r.every((n) => typeof n === 'number' && n >= 0)) return fail(`$.setSounds.sprite.${name}`, 'must be [offset ms, duration ms]');
  }
  return { ok: true, manifest: raw as unknown as NarrationManifest };
}
