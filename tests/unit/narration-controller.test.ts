import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../src/content/load';
import { Narration, type NarrationView } from '../../src/audio/narration';
import type { NarrationCallbacks } from '../../src/audio/sound-engine';

/**
 * The narration controller against a scripted sound engine: the orders of events a visitor and a
 * slow network can produce (late engine, blocked sound, stop before the file loads, missing files).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = async (file: string): Promise<string | null> => (existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : null);
const loaded = await loadContent(read, 'en');
if (!loaded.ok) throw new Error('content invalid');
const content = loaded.content;
// Narration imports its core on the first arrival (a lazy chunk in the build); loaded here first,
// so that import resolves within a flush() as it does once the chunk is in.
await import('../../src/audio/narration-core');

class FakeEngine {
  static last: FakeEngine | null = null;
  running = true;
  plays: { url: string; from: () => number; callbacks: NarrationCallbacks }[] = [];
  stops = 0;
  stopAlls = 0;
  position: number | null = null;
  unlockListener: (() => void) | null = null;
  readonly available = true;
  constructor(readonly prefs?: unknown) {
    FakeEngine.last = this;
  }
  unlock = async (): Promise<boolean> => this.running;
  onUnlock(l: () => void): void {
    this.unlockListener = l;
  }
  setMuted(): void {}
  setVolume(): void {}
  setAmbience(): void {}
  loadSetSounds(): void {}
  playSetSound(): void {}
  updateListener(): void {}
  playNarration(url: string, from: () => number, callbacks: NarrationCallbacks): void {
    this.plays.push({ url, from, callbacks });
  }
  narrationTime(): number | null {
    return this.position;
  }
  pauseNarration(): void {
    this.stops++;
    this.position = null;
  }
  stopNarration(): void {
    this.stops++;
    this.position = null;
  }
  stopAll(): void {
    this.stopNarration();
    this.stopAlls++;
  }
  soundCounts(): { howls: number; live: number; objects: number; pool: number; byFile: Record<string, { live: number; objects: number }> } {
    return { howls: 0, live: 0, objects: 0, pool: 0, byFile: {} };
  }
  debug(): Record<string, unknown> {
    return {};
  }
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

/** Arrives at a station and lets the captions load and the first tick request the audio. */
async function arriveAndStart(n: { arrive(id: string): void; tick(): void }, station: string): Promise<void> {
  n.arrive(station);
  await flush();
  n.tick();
  await flush();
}

describe('Narration controller', () => {
  let now = 0;
  let views: NarrationView[] = [];
  let engineGate: Promise<void> = Promise.resolve();
  let missing: RegExp | null = null;
  const make = (): Narration =>
    new Narration(
      content,
      { muted: false, volume: 1, captions: true },
      (v) => views.push(v),
      async () => {
        await engineGate;
        return { SoundEngine: FakeEngine as unknown as typeof import('../../src/audio/sound-engine').SoundEngine };
      },
      () => now,
      'http://test/',
    );

  beforeEach(() => {
    now = 0;
    views = [];
    engineGate = Promise.resolve();
    missing = null;
    FakeEngine.last = null;
    vi.stubGlobal('fetch', async (url: string) => {
      const file = url.replace('http://test/', '');
      const text = missing?.test(file) ? null : await read(file);
      return { ok: text !== null, status: text === null ? 404 : 200, text: async () => text ?? '' };
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('starts the narration even when the sound engine arrives after the captions', async () => {
    let open!: () => void;
    engineGate = new Promise((r) => (open = r));
    const n = make();
    n.arrive('development');
    await flush();
    now = 0.5;
    n.tick(); // captions are ready, the engine is not
    expect(n.view.status).toBe('playing');
    open();
    await flush();
    expect(FakeEngine.last!.plays.map((p) => p.url)).toEqual(['http://test/assets/audio/narration/en/development.mp3']);
  });

  it('a stop before the audio starts leaves nothing to play; onPlay after it stops the sound', async () => {
    const n = make();
    await arriveAndStart(n, 'sound');
    const engine = FakeEngine.last!;
    expect(engine.plays).toHaveLength(1);
    n.stop();
    const stopsBefore = engine.stops;
    engine.plays[0]!.callbacks.onPlay(0, 50); // the file finished loading after the visitor left
    expect(engine.stops).toBe(stopsBefore + 1);
    expect(n.view.status).toBe('idle');
    expect(n.view.caption).toBeNull();
  });

  it('stopAll (the kiosk reset) stops the narration and every other sound, and a later arrival plays again', async () => {
    const n = make();
    await arriveAndStart(n, 'sound');
    const engine = FakeEngine.last!;
    engine.plays[0]!.callbacks.onPlay(0, 50);
    n.stopAll();
    expect(engine.stopAlls).toBe(1);
    expect([n.view.status, n.view.caption]).toEqual(['idle', null]);
    await arriveAndStart(n, 'lighting');
    expect(engine.plays.map((p) => p.url.split('/').pop())).toEqual(['sound.mp3', 'lighting.mp3']);
  });

  it('blocked sound: captions run on the wall clock; after unlock the audio starts where they are', async () => {
    const n = make();
    await arriveAndStart(n, 'sound');
    const engine = FakeEngine.last!;
    engine.plays[0]!.callbacks.onBlocked();
    expect(n.view.sound).toBe('blocked');
    now = 6;
    n.tick();
    const caption = n.view.caption;
    expect(caption).toBeTruthy();
    engine.running = true;
    engine.unlockListener!();
    await flush();
    expect(engine.plays).toHaveLength(2);
    expect(engine.plays[1]!.from()).toBeCloseTo(6, 5);
    expect(n.view.sound).toBe('ok');
  });

  it('a missing caption file falls back to captions made from the station text, and they advance', async () => {
    missing = /camera\.vtt$/;
    const n = make();
    n.arrive('camera');
    await flush();
    const seen = new Set<string>();
    for (let t = 0; t < 20; t += 0.5) {
      now = t;
      n.tick();
      if (n.view.caption) seen.add(n.view.caption);
    }
    expect(seen.size).toBeGreaterThan(3);
    expect([...seen][1]).toContain('cinematographer');
  });

  it('pause holds the captions; skip ends them', async () => {
    const n = make();
    await arriveAndStart(n, 'art');
    FakeEngine.last!.plays[0]!.callbacks.onError('could not be loaded');
    now = 3;
    n.tick();
    const at3 = n.view.caption;
    n.pause();
    now = 30;
    n.tick();
    expect(n.view.caption).toBe(at3);
    expect(n.view.status).toBe('paused');
    n.resume();
    n.skip();
    expect(n.view.status).toBe('ended');
    expect(n.view.caption).toBeNull();
  });

  describe('before its core is loaded (a lazy chunk: the first load has only the stand-in)', () => {
    type CoreModule = typeof import('../../src/audio/narration-core');
    const withCore = (loadCore: () => Promise<CoreModule>): Narration =>
      new Narration(
        content,
        { muted: false, volume: 1, captions: true },
        (v) => views.push(v),
        async () => ({ SoundEngine: FakeEngine as unknown as typeof import('../../src/audio/sound-engine').SoundEngine }),
        () => now,
        'http://test/',
        loadCore,
      );

    it('nothing plays or shows until then; the station arrived at and the sound choices are handed over', async () => {
      const core = await import('../../src/audio/narration-core');
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      let loads = 0;
      const n = withCore(async () => {
        loads++;
        await gate;
        return core;
      });
      expect(n.view).toEqual({ station: null, status: 'idle', sound: 'ok', caption: null });
      expect(n.debug()).toEqual({ station: null, status: 'idle', sound: 'ok', caption: null, time: null, engine: null, sounds: null });
      n.arrive('nowhere');
      expect(loads).toBe(0);
      n.hush(true);
      n.setPrefs({ muted: false, volume: 0.5, captions: true });
      n.arrive('sound');
      n.arrive('lighting');
      expect(n.station).toBe('lighting');
      n.pause();
      n.tick();
      expect(loads).toBe(1);
      expect(FakeEngine.last).toBeNull();
      open();
      await flush();
      n.tick();
      await flush();
      expect(n.view.status).toBe('playing');
      expect(FakeEngine.last!.plays.map((p) => p.url.split('/').pop())).toEqual(['lighting.mp3']);
      expect(FakeEngine.last!.prefs).toEqual({ muted: true, volume: 0.5, captions: true }); // hushed
    });

    it('a stop before the core is in cancels the arrival', async () => {
      const core = await import('../../src/audio/narration-core');
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      const n = withCore(async () => {
        await gate;
        return core;
      });
      n.arrive('sound');
      n.stop();
      expect(n.station).toBeNull();
      open();
      await flush();
      n.tick();
      await flush();
      expect(n.view.status).toBe('idle');
      expect(FakeEngine.last).toBeNull();
    });

    it('a core that cannot be loaded (offline, a failed deploy) is warned about once and tried again on the next arrival', async () => {
      const core = await import('../../src/audio/narration-core');
      let fail = true;
      let loads = 0;
      const n = withCore(async () => {
        loads++;
        if (fail) throw new Error('Failed to fetch dynamically imported module');
        return core;
      });
      n.arrive('sound');
      await flush();
      expect(n.view.status).toBe('idle');
      n.arrive('lighting');
      await flush();
      expect(loads).toBe(2);
      expect(vi.mocked(console.warn).mock.calls.filter(([m]) => String(m).includes('narration could not be loaded'))).toHaveLength(1);
      fail = false;
      await arriveAndStart(n, 'art');
      expect(n.view.status).toBe('playing');
      expect(FakeEngine.last!.plays.map((p) => p.url.split('/').pop())).toEqual(['art.mp3']);
    });

    it('a core still loading when the narration is disposed is never made', async () => {
      const core = await import('../../src/audio/narration-core');
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      const n = withCore(async () => {
        await gate;
        return core;
      });
      n.arrive('sound');
      n.dispose();
      open();
      await flush();
      expect(await n.playSetSound('bell')).toBe(false);
      expect(FakeEngine.last).toBeNull();
      expect(n.view.status).toBe('idle');
    });
  });
});
