/**
 * Generates every station's narration (MP3) and timed captions (WebVTT), plus each language's
 * set-sounds sprite, from the text in scenes/. Run: `npm run build:narration` (add --force to
 * redo files whose text has not changed). Needs Debian's festival, festvox-us-slt-hts, espeak-ng,
 * sox and ffmpeg (see assets/audio/README.md); the app and its tests need none of them.
 *
 * Each sentence is synthesised on its own and measured, so cue times come from the real audio:
 * a sentence's cues split its measured time in proportion to their length.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './hash';
import { loadContent } from '../../src/content/load';
import type { LocaleFile } from '../../src/content/types';
import { SET_SOUNDS, checkManifest, manifestFile, narrationFolder, type NarrationEntry, type NarrationManifest, type SetSound } from '../../src/audio/manifest';
import { quietOnSetScript, scriptText, stationNarration, type NarrationScript } from '../../src/audio/narration-script';
import { writeVtt, type Cue } from '../../src/audio/vtt';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RATE = 22050;
const SENTENCE_GAP = 0.3;
const SECTION_GAP = 0.55;
const LEAD_IN = 0.15;

interface Voice {
  readonly engine: 'festival' | 'espeak-ng';
  readonly voice: string;
  readonly speed?: number;
  readonly pitch?: number;
  readonly label?: string;
}

const force = process.argv.includes('--force');
const only = process.argv.find((a) => a.startsWith('--lang='))?.slice(7);
const voices = JSON.parse(readFileSync(join(ROOT, 'scripts/audio/voices.json'), 'utf8')) as Record<string, Voice>;
const tmp = mkdtempSync(join(tmpdir(), 'backlot-narration-'));
const run = (cmd: string, args: readonly string[]): string => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const duration = (wav: string): number => Number(run('soxi', ['-D', wav]).trim());

/** Festival reads Latin-1 at best: give it plain ASCII punctuation. */
const forFestival = (text: string): string =>
  text.replace(/[‘’]/g, "'").replace(/[“”«»]/g, '"').replace(/[—–]/g, ', ').replace(/…/g, '...').replace(/\u00a0/g, ' ');

let counter = 0;
/** One sentence → a trimmed mono WAV at RATE; returns its path. */
function speak(text: string, voice: Voice): string {
  const raw = join(tmp, `s${++counter}-raw.wav`);
  const out = join(tmp, `s${counter}.wav`);
  if (voice.engine === 'festival') {
    const txt = join(tmp, `s${counter}.txt`);
    writeFileSync(txt, forFestival(text), 'latin1');
    run('text2wave', ['-eval', `(voice_${voice.voice})`, txt, '-o', raw]);
  } else {
    run('espeak-ng', ['-v', voice.voice, '-s', String(voice.speed ?? 160), '-p', String(voice.pitch ?? 50), '-w', raw, '--', text]);
  }
  // Trim the synthesiser's own leading and trailing silence; the gaps are added explicitly.
  run('sox', [raw, '-r', String(RATE), '-c', '1', '-b', '16', out, 'silence', '1', '0.02', '0.3%', 'reverse', 'silence', '1', '0.02', '0.3%', 'reverse']);
  return out;
}

function silence(seconds: number): string {
  const out = join(tmp, `gap${++counter}.wav`);
  run('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', out, 'trim', '0', seconds.toFixed(3)]);
  return out;
}

/** Speaks a script; returns the WAV parts in order and the caption cues timed against them. */
function perform(script: NarrationScript, voice: Voice): { parts: string[]; cues: Cue[]; end: number } {
  const parts = [silence(LEAD_IN)];
  const cues: Cue[] = [];
  let t = LEAD_IN;
  script.sections.forEach((section, si) => {
    if (si > 0) {
      parts.push(silence(SECTION_GAP));
      t += SECTION_GAP;
    }
    section.sentences.forEach((phrases, i) => {
      if (i > 0) {
        parts.push(silence(SENTENCE_GAP));
        t += SENTENCE_GAP;
      }
      const wav = speak(phrases.join(' '), voice);
      const d = duration(wav);
      parts.push(wav);
      const total = phrases.reduce((n, p) => n + p.length, 0);
      let at = t;
      for (const p of phrases) {
        const share = (d * p.length) / total;
        cues.push({ start: at, end: at + share, text: p });
        at += share;
      }
      t += d;
    });
  });
  return { parts, cues, end: t };
}

/** Joins WAV parts, levels the loudness and encodes a small mono MP3. Returns its duration. */
function encode(parts: readonly string[], mp3: string, tail = 0.4): number {
  const wav = join(tmp, `joined${++counter}.wav`);
  run('sox', [...parts, silence(tail), wav, 'norm', '-2']);
  run('ffmpeg', ['-y', '-loglevel', 'error', '-i', wav, '-ac', '1', '-ar', String(RATE), '-codec:a', 'libmp3lame', '-b:a', '32k', '-map_metadata', '-1', mp3]);
  return duration(wav);
}

/** Short set sounds, synthesised with sox: a clapperboard clap and a stage bell. */
function setEffects(): Record<Exclude<SetSound, 'quiet'>, string> {
  const slate = join(tmp, 'slate.wav');
  // A sharp wooden clap: a burst of band-limited noise with a very fast decay, plus a low knock.
  run('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', join(tmp, 'slate-noise.wav'), 'synth', '0.25', 'whitenoise', 'band', '2200', '1800', 'fade', 'q', '0.001', '0.25', '0.24']);
  run('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', join(tmp, 'slate-knock.wav'), 'synth', '0.25', 'sine', '180', 'fade', 'q', '0.001', '0.25', '0.23']);
  run('sox', ['-m', join(tmp, 'slate-noise.wav'), join(tmp, 'slate-knock.wav'), slate, 'norm', '-1']);
  const bell = join(tmp, 'bell.wav');
  // The stage's electric bell before a take: a rapidly struck metal ring for about a second.
  run('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', join(tmp, 'bell-tone.wav'), 'synth', '1.1', 'sine', '1250', 'sine', '1870', 'sine', '3150', 'remix', '-', 'tremolo', '22', '90', 'fade', 'q', '0.005', '1.1', '0.25']);
  run('sox', [join(tmp, 'bell-tone.wav'), bell, 'norm', '-4']);
  return { slate, bell };
}

const ms = (s: number): number => Math.round(s * 1000);

function buildSetSounds(locale: LocaleFile, voice: Voice, folder: string, old: NarrationManifest['setSounds'] | undefined, effects: () => Record<Exclude<SetSound, 'quiet'>, string>): NarrationManifest['setSounds'] {
  const script = quietOnSetScript(locale);
  const textHash = sha256(scriptText(script));
  if (!force && old && old.textHash === textHash && existsSync(join(folder, old.audio))) return old;
  const fx = effects();
  const quiet = perform(script, voice);
  const order: [SetSound, string[]][] = [['slate', [fx.slate]], ['bell', [fx.bell]], ['quiet', quiet.parts]];
  const parts: string[] = [];
  const sprite = {} as Record<SetSound, readonly [number, number]>;
  let t = 0;
  for (const [name, wavs] of order) {
    const d = wavs.reduce((n, w) => n + duration(w), 0);
    sprite[name] = [ms(t), ms(d)];
    parts.push(...wavs, silence(0.5));
    t += d + 0.5;
  }
  // Sprite offsets are from the WAV; the MP3 encoder's short start delay is inside the padding.
  encode(parts, join(folder, 'set-sounds.mp3'), 0.1);
  return { audio: 'set-sounds.mp3', textHash, sprite };
}

async function main(): Promise<void> {
  const read = async (file: string): Promise<string | null> => (existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : null);
  const base = await loadContent(read);
  if (!base.ok) throw new Error(`content has problems; run npm run check-content\n${JSON.stringify(base.problems, null, 2)}`);
  let effects: Record<Exclude<SetSound, 'quiet'>, string> | null = null;
  if (only && !base.content.set.locales.includes(only)) throw new Error(`--lang=${only}: not one of scenes/set.json's locales (${base.content.set.locales.join(', ')})`);
  for (const code of base.content.set.locales) {
    if (only && code !== only) continue;
    const loaded = await loadContent(read, code);
    if (!loaded.ok) throw new Error(`${code}: content has problems`);
    const { locale, set } = loaded.content;
    const voice: Voice = voices[code] ?? { engine: 'espeak-ng', voice: code };
    const folder = join(ROOT, narrationFolder(code));
    mkdirSync(folder, { recursive: true });
    const oldText = existsSync(join(ROOT, manifestFile(code))) ? JSON.parse(readFileSync(join(ROOT, manifestFile(code)), 'utf8')) : null;
    const oldCheck = oldText ? checkManifest(oldText) : null;
    const old = oldCheck?.ok ? oldCheck.manifest : null;
    const stations: Record<string, NarrationEntry> = {};
    for (const station of set.stations) {
      const script = stationNarration(locale, station.id);
      const textHash = sha256(scriptText(script));
      const prev = old?.stations[station.id];
      if (prev?.source === 'recorded') {
        // Never synthesised over: a recording (and its captions) is the author's.
        for (const f of [prev.audio, prev.captions]) {
          if (!existsSync(join(folder, f))) throw new Error(`${code}/${station.id}: the recorded narration's file ${narrationFolder(code)}${f} is missing; add it, or set the entry's source to "generated" to synthesise it again.`);
        }
        if (prev.textHash !== textHash) console.warn(`${code}/${station.id}: recorded narration kept, but its text has changed since (new textHash ${textHash}); record it again.`);
        stations[station.id] = prev;
        continue;
      }
      if (prev && !force && prev.textHash === textHash && existsSync(join(folder, prev.audio)) && existsSync(join(folder, prev.captions))) {
        stations[station.id] = prev;
        continue;
      }
      const { parts, cues } = perform(script, voice);
      const audio = `${station.id}.mp3`;
      const captions = `${station.id}.vtt`;
      const d = encode(parts, join(folder, audio));
      writeFileSync(join(folder, captions), writeVtt(cues));
      stations[station.id] = { audio, captions, duration: Math.round(d * 1000) / 1000, textHash, source: 'generated' };
      console.log(`${code}/${station.id}: ${d.toFixed(1)} s, ${cues.length} cues`);
    }
    const setSounds = buildSetSounds(locale, voice, folder, old?.setSounds, () => (effects ??= setEffects()));
    const manifest: NarrationManifest = { version: 1, locale: code, voice: voice.label ?? `${voice.engine} ${voice.voice}`, stations, setSounds };
    writeFileSync(join(ROOT, manifestFile(code)), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

main()
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(tmp, { recursive: true, force: true }));
