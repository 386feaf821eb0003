/**
 * What the take's spoken calls are made from, shared by the generator (build-take.ts) and the
 * freshness test (tests/unit/take-voices.test.ts), so both hash exactly the same thing: each
 * step's call text (scenes/take/<language>.json) and the voice that speaks it
 * (scripts/audio/take-voices.json, by the step's speaker).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './hash';
import { takeLocaleFile, TAKE_FILE, type TakeFile, type TakeLocaleFile } from '../../src/content/take-types';

export interface TakeVoice {
  readonly engine: 'festival' | 'espeak-ng';
  /** festival: the voice's name without "voice_"; espeak-ng: language[+variant], e.g. "en-us+m3". */
  readonly voice: string;
  /** espeak-ng only: 0–99 (its default is 50). */
  readonly pitch?: number;
  /** espeak-ng only: words a minute (its default is 175). */
  readonly speed?: number;
}

export interface TakeVoicesFile {
  /** performer id → language → voice. */
  readonly performers: Readonly<Record<string, Readonly<Record<string, TakeVoice>>>>;
  /**
   * language → what to say instead of a phrase, for the synthesiser only (captions keep the text):
   * e.g. "A camera" said as the letter, not the article.
   */
  readonly say?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const TAKE_VOICES_FILE = 'scripts/audio/take-voices.json';

/** Reads take-voices.json and checks every voice is one the generator can use. */
export function readTakeVoices(root: string): TakeVoicesFile {
  const raw = JSON.parse(readFileSync(join(root, TAKE_VOICES_FILE), 'utf8')) as TakeVoicesFile;
  for (const [who, byLang] of Object.entries(raw.performers ?? {})) {
    for (const [lang, v] of Object.entries(byLang)) {
      const at = `${TAKE_VOICES_FILE}: performers.${who}.${lang}`;
      if (v.engine !== 'festival' && v.engine !== 'espeak-ng') throw new Error(`${at}.engine must be "festival" or "espeak-ng"`);
      if (typeof v.voice !== 'string' || !/^[A-Za-z0-9_+-]+$/.test(v.voice)) throw new Error(`${at}.voice must be a voice name`);
      if (v.engine === 'festival' && (v.pitch !== undefined || v.speed !== undefined)) throw new Error(`${at}: pitch and speed are espeak-ng's only`);
      if (v.pitch !== undefined && !(Number.isInteger(v.pitch) && v.pitch >= 0 && v.pitch <= 99)) throw new Error(`${at}.pitch must be 0–99`);
      if (v.speed !== undefined && !(Number.isInteger(v.speed) && v.speed >= 80 && v.speed <= 450)) throw new Error(`${at}.speed must be 80–450 words a minute`);
    }
  }
  return raw;
}

/** A voice's identity: part of each call's hash, so changing a voice makes its calls stale. */
export const voiceId = (v: TakeVoice): string =>
  v.engine === 'festival' ? `festival ${v.voice}` : `espeak-ng ${v.voice} p${v.pitch ?? 50} s${v.speed ?? 175}`;

/** The words handed to the synthesiser: the call with the language's `say` replacements. */
export function spokenText(call: string, lang: string, voices: TakeVoicesFile): string {
  let out = call;
  for (const [from, to] of Object.entries(voices.say?.[lang] ?? {})) out = out.split(from).join(to);
  return out;
}

/** What calls.json's `text` holds for a step: sha256 of its call and voice (and what is said, if it differs). */
export function callHash(call: string, voice: TakeVoice, spoken: string): string {
  return sha256(spoken === call ? `${call}\n${voiceId(voice)}` : `${call}\n${voiceId(voice)}\n${spoken}`);
}

export interface TakeCall {
  readonly stepId: string;
  readonly speaker: string;
  readonly call: string;
  readonly spoken: string;
  readonly voice: TakeVoice;
  readonly hash: string;
}

/** The languages that have a take: scenes/set.json's locales with a scenes/take/<code>.json. */
export function takeLanguages(root: string): string[] {
  const set = JSON.parse(readFileSync(join(root, 'scenes/set.json'), 'utf8')) as { locales: string[] };
  return set.locales.filter((code) => existsSync(join(root, takeLocaleFile(code))));
}

/** Every step's call in one language, with its speaker's voice; throws naming what is missing. */
export function takeCalls(root: string, lang: string, voices: TakeVoicesFile): TakeCall[] {
  const take = JSON.parse(readFileSync(join(root, TAKE_FILE), 'utf8')) as TakeFile;
  const locale = JSON.parse(readFileSync(join(root, takeLocaleFile(lang)), 'utf8')) as TakeLocaleFile;
  return take.steps.map((step) => {
    const call = locale.steps?.[step.id]?.call;
    if (typeof call !== 'string' || call.trim() === '') throw new Error(`${takeLocaleFile(lang)}: steps.${step.id}.call is missing`);
    const voice = voices.performers[step.speaker]?.[lang];
    if (!voice) throw new Error(`${TAKE_VOICES_FILE}: no ${lang} voice for performer "${step.speaker}" (who says step "${step.id}")`);
    const spoken = spokenText(call, lang, voices);
    return { stepId: step.id, speaker: step.speaker, call, spoken, voice, hash: callHash(call, voice, spoken) };
  });
}
