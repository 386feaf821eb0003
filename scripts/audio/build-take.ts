/**
 * Speaks the take's calls: for every language with a scenes/take/<code>.json, each step's call in
 * its speaker's own voice (scripts/audio/take-voices.json), joined into one Howler sprite per
 * language, assets/audio/take/<code>/calls.mp3, described by calls.json. Run:
 * `npm run build:take-voices` (--force redoes every language, --lang=es only one). Needs Debian's
 * festival, festvox-us-slt-hts, espeak-ng, sox and ffmpeg (see assets/audio/README.md); the app
 * and its tests need none of them.
 *
 * A language is redone whole when any of its calls' text or voices changed: it is one file, and
 * its few seconds of speech take moments to make.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTakeVoices, takeCalls, takeLanguages, type TakeCall, type TakeVoice } from './take-calls';
import { checkTakeCalls, takeCallsFile, takeCallsFolder, type TakeCallsFile } from '../../src/take/calls-file';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RATE = 22050;
/** Silence between sprite entries, and before the first and after the last: an MP3 decoder's start delay (about 50 ms) and Howler's sprite timer both land in silence. */
const GAP = 0.15;
/** Quiet kept at the end of each entry, inside it: a decoder that does not remove the encoder's delay then cuts silence, not the call's last sound. */
const TAIL = 0.06;

const force = process.argv.includes('--force');
const only = process.argv.find((a) => a.startsWith('--lang='))?.slice(7);
const tmp = mkdtempSync(join(tmpdir(), 'backlot-take-'));
const run = (cmd: string, args: readonly string[]): string => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Exact length of a WAV in samples: sprite offsets are summed from these, so rounding never drifts. */
const samples = (wav: string): number => Number(run('soxi', ['-s', wav]).trim());

/** Festival reads Latin-1 at best: give it plain ASCII punctuation (as build-narration does). */
const forFestival = (text: string): string =>
  text.replace(/[‘’]/g, "'").replace(/[“”«»]/g, '"').replace(/[—–]/g, ', ').replace(/…/g, '...').replace(/\u00a0/g, ' ');

let counter = 0;
/** One call → a trimmed, levelled mono WAV at RATE with TAIL of quiet; returns its path. */
function speak(text: string, voice: TakeVoice): string {
  const n = ++counter;
  const raw = join(tmp, `c${n}-raw.wav`);
  const out = join(tmp, `c${n}.wav`);
  checkVariant(voice);
  if (voice.engine === 'festival') {
    const txt = join(tmp, `c${n}.txt`);
    writeFileSync(txt, forFestival(text), 'latin1');
    run('text2wave', ['-eval', `(voice_${voice.voice})`, txt, '-o', raw]);
  } else {
    run('espeak-ng', ['-v', voice.voice, '-s', String(voice.speed ?? 175), '-p', String(voice.pitch ?? 50), '-w', raw, '--', text]);
  }
  // Trim the synthesiser's own silence at both ends (as build-narration does), then level each
  // call on its own: the voices come out of the synthesisers at quite different loudness.
  run('sox', [raw, '-r', String(RATE), '-c', '1', '-b', '16', out, 'silence', '1', '0.02', '0.3%', 'reverse', 'silence', '1', '0.02', '0.3%', 'reverse', 'norm', '-3', 'pad', '0', String(TAIL)]);
  if (samples(out) < RATE * 0.2) throw new Error(`"${text}" came out (nearly) silent from ${voice.engine} ${voice.voice}`);
  return out;
}

const checkedVariants = new Set<string>();
/**
 * eSpeak NG ignores a variant it cannot pair with the language name given ("en-gb+f4" speaks as
 * plain en-gb, with no warning), so two performers could end up sounding alike: refuse such a voice.
 */
function checkVariant(voice: TakeVoice): void {
  const plus = voice.voice.indexOf('+');
  if (voice.engine !== 'espeak-ng' || plus < 0 || checkedVariants.has(voice.voice)) return;
  const say = (v: string): string => {
    const wav = join(tmp, `variant${++counter}.wav`);
    run('espeak-ng', ['-v', v, '-w', wav, '--', 'one two three']);
    return readFileSync(wav).toString('base64');
  };
  if (say(voice.voice) === say(voice.voice.slice(0, plus))) {
    throw new Error(`${voice.voice}: espeak-ng does not apply the variant to that language name; use the voice's file name (espeak-ng --voices), e.g. "en+f4" rather than "en-gb+f4"`);
  }
  checkedVariants.add(voice.voice);
}

function silence(seconds: number): string {
  const out = join(tmp, `gap${++counter}.wav`);
  // The rate goes before -n: the null input's own rate is what trim counts samples in.
  run('sox', ['-r', String(RATE), '-c', '1', '-b', '16', '-n', out, 'trim', '0', `${Math.round(seconds * RATE)}s`]);
  return out;
}

/** Speaks every call, joins them with GAP between, encodes the MP3; returns the sprite. */
function buildSprite(calls: readonly TakeCall[], mp3: string): TakeCallsFile['sprite'] {
  const gap = silence(GAP);
  const parts = [gap];
  const sprite: Record<string, [number, number]> = {};
  let at = samples(gap);
  for (const c of calls) {
    const wav = speak(c.spoken, c.voice);
    const n = samples(wav);
    sprite[c.stepId] = [Math.round((at / RATE) * 1000), Math.round((n / RATE) * 1000)];
    parts.push(wav, gap);
    at += n + samples(gap);
    console.log(`  ${c.stepId} (${c.speaker}, ${c.voice.engine} ${c.voice.voice}): ${(n / RATE).toFixed(2)} s`);
  }
  const wav = join(tmp, `joined${++counter}.wav`);
  run('sox', [...parts, wav]);
  run('ffmpeg', ['-y', '-loglevel', 'error', '-i', wav, '-ac', '1', '-ar', String(RATE), '-codec:a', 'libmp3lame', '-b:a', '32k', '-map_metadata', '-1', mp3]);
  // The MP3 must reach past the last entry, or Howler would cut the last call short.
  const decoded = Number(run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', mp3]).trim());
  const end = Math.max(...Object.values(sprite).map(([s, d]) => s + d)) / 1000;
  if (!(decoded >= end)) throw new Error(`${mp3}: ${decoded} s long, but its sprite reaches ${end} s`);
  return sprite;
}

/** The language's calls.json as it stands, when it is valid and its audio exists; else null. */
function current(code: string): TakeCallsFile | null {
  const file = join(ROOT, takeCallsFile(code));
  if (!existsSync(file)) return null;
  const checked = checkTakeCalls(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.ok || !existsSync(join(ROOT, takeCallsFolder(code), checked.calls.audio))) return null;
  return checked.calls;
}

/** Up to date: the same steps, each with the same hash, and a sprite entry for each. */
function upToDate(old: TakeCallsFile, calls: readonly TakeCall[]): boolean {
  const steps = calls.map((c) => c.stepId);
  return Object.keys(old.text).length === steps.length && calls.every((c) => old.text[c.stepId] === c.hash && old.sprite[c.stepId] !== undefined);
}

/** calls.json with one line per step, so a diff shows which calls changed. */
function format(calls: TakeCallsFile): string {
  const block = (o: Readonly<Record<string, unknown>>): string =>
    `{\n${Object.entries(o).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n  }`;
  return `{\n  "locale": ${JSON.stringify(calls.locale)},\n  "audio": ${JSON.stringify(calls.audio)},\n  "sprite": ${block(calls.sprite)},\n  "text": ${block(calls.text)}\n}\n`;
}

function main(): void {
  const voices = readTakeVoices(ROOT);
  const languages = takeLanguages(ROOT);
  if (only && !languages.includes(only)) throw new Error(`--lang=${only}: no take in that language (languages with one: ${languages.join(', ')})`);
  for (const code of languages) {
    if (only && code !== only) continue;
    const calls = takeCalls(ROOT, code, voices);
    const old = current(code);
    const folder = join(ROOT, takeCallsFolder(code));
    if (!force && old && upToDate(old, calls)) {
      console.log(`${code}: up to date (${statSync(join(folder, old.audio)).size} bytes)`);
      continue;
    }
    console.log(`${code}: speaking ${calls.length} calls`);
    mkdirSync(folder, { recursive: true });
    const audio = 'calls.mp3';
    const sprite = buildSprite(calls, join(folder, audio));
    const text = Object.fromEntries(calls.map((c) => [c.stepId, c.hash]));
    const out: TakeCallsFile = { locale: code, audio, sprite, text };
    writeFileSync(join(ROOT, takeCallsFile(code)), format(out));
    console.log(`${code}: ${takeCallsFolder(code)}${audio}, ${statSync(join(folder, audio)).size} bytes`);
  }
}

try {
  main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
