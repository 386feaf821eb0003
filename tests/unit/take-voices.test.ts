import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkTakeCalls, takeCallsFile, takeCallsFolder, type TakeCallsFile } from '../../src/take/calls-file';
import { TAKE_FILE, type TakeFile } from '../../src/content/take-types';
import { readTakeVoices, takeCalls, takeLanguages, voiceId } from '../../scripts/audio/take-calls';
import { TakeVoices } from '../../src/take/voices';

/** A stand-in for Howler's Howl (there is no Web Audio in Node): loads, or fails for a "broken" file. */
const { FakeHowl, howls } = vi.hoisted(() => {
  const howls: InstanceType<typeof FakeHowl>[] = [];
  class FakeHowl {
    private loaded: 'unloaded' | 'loading' | 'loaded' = 'loading';
    private readonly handlers = new Map<string, ((id: number, err: unknown) => void)[]>();
    readonly _sounds: { _id: number; name: string; on: boolean }[] = [];
    constructor(readonly opts: { src: string[]; sprite: Record<string, [number, number]>; html5: boolean }) {
      howls.push(this);
      setTimeout(() => {
        if (this.loaded !== 'loading' || opts.src[0]!.includes('stall')) return;
        const broken = opts.src[0]!.includes('broken');
        if (!broken) this.loaded = 'loaded';
        for (const h of this.handlers.get(broken ? 'loaderror' : 'load') ?? []) h(0, 'decode failed');
      }, 1);
    }
    state(): string {
      return this.loaded;
    }
    once(event: string, handler: (id: number, err: unknown) => void): void {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    }
    play(name: string): number {
      const id = this._sounds.length + 1;
      this._sounds.push({ _id: id, name, on: true });
      return id;
    }
    playing(id: number): boolean {
      return this._sounds.some((s) => s._id === id && s.on);
    }
    volume(): void {}
    stop(): void {
      for (const s of this._sounds) s.on = false;
    }
    unload(): void {
      this.stop();
      this.loaded = 'unloaded';
    }
  }
  return { FakeHowl, howls };
});
vi.mock('howler', () => ({ Howl: FakeHowl }));

/**
 * Take-call freshness: every language with a take has its calls spoken, each from its current
 * text in its speaker's current voice (scripts/audio/take-voices.json). When this fails after a
 * text or voice edit, run `npm run build:take-voices` and commit assets/audio/take/.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const voices = readTakeVoices(ROOT);
const languages = takeLanguages(ROOT);
const take = JSON.parse(readFileSync(join(ROOT, TAKE_FILE), 'utf8')) as TakeFile;
/** calls.mp3 is encoded at a constant 32 kbit/s, so its size tells its length without decoding it. */
const BYTES_PER_MS = 32000 / 8 / 1000;

it('there is a take in English at least', () => {
  expect(languages).toContain('en');
});

describe.each(languages)('take calls in %s', (code) => {
  const file = takeCallsFile(code);
  const calls = takeCalls(ROOT, code, voices);
  const sprite = ((): TakeCallsFile => {
    const path = join(ROOT, file);
    expect(existsSync(path), `${file} is missing: run npm run build:take-voices`).toBe(true);
    const checked = checkTakeCalls(JSON.parse(readFileSync(path, 'utf8')));
    if (!checked.ok) throw new Error(`${file} ${checked.path}: ${checked.message}`);
    return checked.calls;
  })();
  const audio = join(ROOT, takeCallsFolder(code), sprite.audio);

  it('is for this language, and its audio exists', () => {
    expect(sprite.locale).toBe(code);
    expect(existsSync(audio) && statSync(audio).size > 1000, `${audio} is missing or empty: run npm run build:take-voices`).toBe(true);
  });

  it.each(take.steps.map((s) => s.id))('%s: spoken from the current text, in its speaker\'s voice', (id) => {
    const call = calls.find((c) => c.stepId === id)!;
    expect(sprite.sprite[id], `${file}: no sprite entry for step "${id}"; run npm run build:take-voices`).toBeDefined();
    expect(sprite.text[id], `${code}/${id}: the call's text or ${call.speaker}'s voice changed since it was spoken; run npm run build:take-voices`).toBe(call.hash);
  });

  it('lists only the take\'s steps', () => {
    const steps = take.steps.map((s) => s.id).sort();
    expect(Object.keys(sprite.sprite).sort()).toEqual(steps);
    expect(Object.keys(sprite.text).sort()).toEqual(steps);
  });

  it('has sprite entries that do not overlap and lie inside the audio', () => {
    const entries = Object.entries(sprite.sprite).sort((a, b) => a[1][0] - b[1][0]);
    entries.forEach(([id, [start, length]], i) => {
      expect(length, id).toBeGreaterThan(100);
      if (i > 0) {
        const [prevId, [prevStart, prevLength]] = entries[i - 1]!;
        expect(start, `${id} starts before ${prevId} ends`).toBeGreaterThanOrEqual(prevStart + prevLength);
      }
    });
    const [, [lastStart, lastLength]] = entries.at(-1)!;
    // The MP3 is a little longer than its WAV (encoder padding); never shorter.
    expect(statSync(audio).size / BYTES_PER_MS, `${audio} is shorter than its sprite`).toBeGreaterThanOrEqual(lastStart + lastLength);
  });

  it('gives every speaker a voice of their own', () => {
    const bySpeaker = new Map(calls.map((c) => [c.speaker, voiceId(c.voice)]));
    expect(new Set(bySpeaker.values()).size, [...bySpeaker].map(([who, v]) => `${who}: ${v}`).join('\n')).toBe(bySpeaker.size);
  });
});

describe('take voices', () => {
  it('the calls.json check names the path of a problem', () => {
    expect(checkTakeCalls({ locale: 'en', audio: '../calls.mp3', sprite: {}, text: {} })).toEqual({ ok: false, path: '$.audio', message: 'must be a plain audio file name in the same folder' });
    expect(checkTakeCalls({ locale: 'en', audio: 'calls.mp3', sprite: { cut: [10] }, text: {} })).toMatchObject({ ok: false, path: '$.sprite.cut' });
  });

  it('a changed call or voice changes the hash', () => {
    const [first] = takeCalls(ROOT, 'en', voices);
    const edited = takeCalls(ROOT, 'en', { ...voices, performers: { ...voices.performers, [first!.speaker]: { en: { engine: 'espeak-ng', voice: 'en', pitch: 1 } } } });
    expect(edited[0]!.hash).not.toBe(first!.hash);
  });

  it('the two actors are a woman and a man', () => {
    for (const code of languages) {
      const a = voices.performers['actor-a']?.[code];
      const b = voices.performers['actor-b']?.[code];
      // espeak-ng's female variants are +f1…+f5; the festival voice used is CMU ARCTIC SLT, a woman.
      expect(a && (a.engine === 'festival' ? a.voice === 'cmu_us_slt_arctic_hts' : /\+f\d$/.test(a.voice)), `${code}: actor-a is a woman`).toBe(true);
      expect(b && b.engine === 'espeak-ng' && /\+m\d$/.test(b.voice), `${code}: actor-b is a man`).toBe(true);
    }
  });
});

describe('TakeVoices', () => {
  const calls = { locale: 'en', audio: 'calls.mp3', sprite: { speed: [150, 420], cut: [900, 360] }, text: { speed: 'a', cut: 'b' } };
  const serve = (files: Record<string, unknown>): string[] => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      const body = files[url];
      return body === undefined ? new Response('not found', { status: 404 }) : new Response(JSON.stringify(body));
    });
    return asked;
  };
  afterEach(() => {
    vi.unstubAllGlobals();
    howls.length = 0;
  });

  it('loads the sprite from under the page base, plays a call and tells its length', async () => {
    const asked = serve({ './assets/audio/take/en/calls.json': calls });
    const voices = new TakeVoices('./', 'en');
    expect(voices.play('speed', 1)).toBeNull(); // not loaded yet
    expect(await voices.load()).toBe(true);
    expect(asked).toEqual(['./assets/audio/take/en/calls.json']);
    expect(howls[0]!.opts).toMatchObject({ src: ['./assets/audio/take/en/calls.mp3'], html5: false, sprite: calls.sprite });
    expect(voices.duration('cut')).toBe(0.36);
    expect(voices.duration('nope')).toBeNull();
    expect(voices.play('speed', 0.8)).toBe(0.42);
    expect(voices.play('nope', 1)).toBeNull();
    expect(voices.playing()).toBe(1);
    voices.stop();
    expect(voices.playing()).toBe(0);
    voices.play('cut', 1);
    voices.dispose();
    expect(voices.playing()).toBe(0);
    expect(howls[0]!.state()).toBe('unloaded');
    expect(voices.play('cut', 1)).toBeNull();
  });

  it('resolves false, never throws, when the files are missing, invalid or broken', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    serve({ 'b/assets/audio/take/xx/calls.json': { locale: 'xx' }, 'c/assets/audio/take/en/calls.json': { ...calls, audio: 'broken.mp3' } });
    expect(await new TakeVoices('a/', 'en').load()).toBe(false);
    expect(await new TakeVoices('b/', 'xx').load()).toBe(false);
    const broken = new TakeVoices('c/', 'en');
    expect(await broken.load()).toBe(false);
    expect(howls.at(-1)!.state()).toBe('unloaded');
    expect(broken.play('speed', 1)).toBeNull();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    expect(await new TakeVoices('d/', 'en').load()).toBe(false);
  });

  it('keeps nothing when disposed while loading', async () => {
    serve({ './assets/audio/take/en/calls.json': calls });
    const voices = new TakeVoices('./', 'en');
    const loading = voices.load();
    voices.dispose();
    expect(await loading).toBe(false);
    expect(howls.every((h) => h.state() === 'unloaded')).toBe(true);
    expect(voices.duration('speed')).toBeNull();
  });

  it('stops waiting for audio that never arrives as soon as it is disposed', async () => {
    serve({ './assets/audio/take/en/calls.json': { ...calls, audio: 'stall.mp3' } });
    const voices = new TakeVoices('./', 'en');
    const loading = voices.load();
    await vi.waitFor(() => expect(howls).toHaveLength(1));
    voices.dispose();
    expect(await loading).toBe(false);
    expect(howls[0]!.state()).toBe('unloaded');
  });
});
