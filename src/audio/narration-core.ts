import type { Content, StationDef } from '../content/types';
import { NarrationClock } from './clock';
import { narrationFolder, type SetSound } from './manifest';
import { GAP, NarrationFiles } from './narration-files';
import { cueAt, type Cue } from './vtt';
import type { NarrationStatus, NarrationView, SoundState } from './narration';
import type { AudioPrefs } from './prefs';
import type { SoundEngine } from './sound-engine';

/** Lengths used when the set-sounds sprite is missing, so the schedule (and captions) stay the same. */
const DEFAULT_SPRITE: Record<SetSound, readonly [number, number]> = { slate: [0, 250], bell: [0, 1100], quiet: [0, 1000] };
const HOLD_LIMIT_S = 4;

interface Step {
  readonly sound: SetSound;
  readonly at: number;
  readonly end: number;
}

interface Current {
  readonly station: StationDef;
  cues: readonly Cue[];
  duration: number;
  readonly steps: readonly Step[];
  fired: number;
  requested: boolean;
  heldSince: number | null;
}

/**
 * Narration and captions for the station being visited. Captions are timed by a clock that follows
 * the audio while it plays and the wall clock otherwise, so they keep going when the browser blocks
 * sound, the file is missing, or the device has no audio at all. The Howler side (SoundEngine) is
 * imported on the first arrival, never in the first load.
 *
 * Not in the first load either: this module (with the narration's files, their WebVTT reader and
 * the manifest's checks) is imported by its stand-in, Narration (src/audio/narration.ts), when a
 * visitor first arrives at a station or a sound is first wanted.
 */
export class NarrationCore {
  private readonly clock: NarrationClock;
  private readonly base: string;
  private readonly files: NarrationFiles;
  private engine: SoundEngine | null = null;
  private engineLoading: Promise<SoundEngine | null> | null = null;
  private current: Current | null = null;
  private status: NarrationStatus = 'idle';
  private sound: SoundState = 'ok';
  private caption: string | null = null;
  private arrival = 0;
  /** The station being narrated or about to be (set at once on arrival, before files load). */
  private target: string | null = null;
  private readonly warned = new Set<string>();

  constructor(
    private readonly content: Content,
    private prefs: AudioPrefs,
    private readonly onChange: (view: NarrationView) => void,
    private readonly loadEngine: () => Promise<Pick<typeof import('./sound-engine'), 'SoundEngine'>> = () => import('./sound-engine'),
    private readonly now: () => number = () => performance.now() / 1000,
    base?: string,
  ) {
    this.clock = new NarrationClock(now);
    this.base = base ?? new URL('.', document.baseURI).href;
    this.files = new NarrationFiles(content, this.base, (key, message) => this.warnOnce(key, message));
  }

  /** The station whose narration is playing or on its way, if any. */
  get station(): string | null {
    return this.target;
  }

  get view(): NarrationView {
    return { station: this.current?.station.id ?? null, status: this.status, sound: this.sound, caption: this.caption };
  }

  /** The visitor has arrived at a station: its set sounds, then its narration, with captions. */
  arrive(stationId: string): void {
    const station = this.content.set.stations.find((s) => s.id === stationId);
    if (!station) return;
    // Already narrating here (the headset re-announces the station on entering VR): carry on.
    if (this.target === stationId && this.status !== 'idle') return;
    const arrival = ++this.arrival;
    this.target = stationId;
    this.engine?.stopNarration();
    void this.ensureEngine();
    void Promise.all([this.files.manifest(), this.files.captions(stationId)]).then(([manifest, cues]) => {
      if (arrival !== this.arrival) return; // the visitor has moved on
      const entry = manifest?.stations[stationId];
      const fallback = cues ?? this.files.fallbackCues(stationId);
      const sprite = manifest?.setSounds.sprite ?? DEFAULT_SPRITE;
      const steps: Step[] = [];
      let t = 0;
      for (const sound of [...(station.arrivalSounds ?? [])].reverse()) {
        const d = sprite[sound][1] / 1000;
        t -= d + GAP;
        steps.unshift({ sound, at: t, end: t + d });
      }
      const last = fallback[fallback.length - 1];
      this.current = { station, cues: fallback, duration: Math.max(entry?.duration ?? 0, last?.end ?? 0), steps, fired: 0, requested: false, heldSince: null };
      this.clock.start(t);
      this.setStatus('playing');
      this.tick();
    });
  }

  /** Stops narration and captions (panel closed, or a kiosk reset). */
  stop(): void {
    this.arrival++;
    this.target = null;
    this.engine?.stopNarration();
    this.current = null;
    this.clock.hold();
    this.setCaption(null);
    this.setStatus('idle');
  }

  /** As `stop`, and every other sound of the set too (the kiosk's reset for the next visitor). */
  stopAll(): void {
    this.stop();
    this.engine?.stopAll();
  }

  /** Silence for good: the player unloads every file, and one still loading is dropped on arrival. */
  dispose(): void {
    this.disposed = true;
    this.stop();
    this.engine?.dispose();
    this.engine = null;
  }

  pause(): void {
    if (this.status !== 'playing') return;
    this.clock.hold();
    this.engine?.pauseNarration();
    if (this.current) this.current.requested = false;
    this.setStatus('paused');
  }

  resume(): void {
    if (this.status !== 'paused' || !this.current) return;
    this.clock.resume();
    this.setStatus('playing');
    this.tick();
  }

  /** From the top of the narration (the arrival sounds are not repeated). */
  replay(): void {
    const c = this.current;
    if (!c) return;
    this.engine?.stopNarration();
    c.fired = c.steps.length;
    c.requested = false;
    this.clock.start(0);
    this.setStatus('playing');
    this.tick();
  }

  skip(): void {
    if (!this.current) return;
    this.engine?.stopNarration();
    this.clock.hold();
    this.setCaption(null);
    this.setStatus('ended');
  }

  /** From a tap on "Tap for sound": lets the browser start audio, then carries on where the captions are. */
  unlock(): void {
    void this.ensureEngine().then(async (engine) => {
      if (!engine) return;
      if (await engine.unlock(2000)) this.unlocked();
    });
  }

  setPrefs(prefs: AudioPrefs): void {
    this.prefs = prefs;
    this.engine?.setMuted(prefs.muted || this.hushed);
    this.engine?.setVolume(prefs.volume);
  }

  private hushed = false;
  /** Silences everything without touching the visitor's own mute (the kiosk's attract loop). */
  hush(on: boolean): void {
    this.hushed = on;
    this.setPrefs(this.prefs);
  }

  /** The listener's head, for spatial sound (call every frame; cheap when nothing changed). */
  listen(x: number, y: number, z: number, fx: number, fy: number, fz: number, ux: number, uy: number, uz: number): void {
    this.engine?.updateListener(x, y, z, fx, fy, fz, ux, uy, uz, performance.now());
  }

  /** Advances captions and starts the next sound when its time comes. Call once per frame. */
  tick(): void {
    const c = this.current;
    if (!c || this.status !== 'playing') return;
    const engine = this.engine;
    const heard = engine?.narrationTime() ?? null;
    if (heard !== null) this.clock.sync(heard);
    const t = this.clock.time();
    while (c.fired < c.steps.length && c.steps[c.fired]!.at <= t) {
      const step = c.steps[c.fired++]!;
      if (t < step.end) engine?.playSetSound(step.sound);
    }
    if (t >= 0 && !c.requested) this.requestNarration(c);
    if (c.heldSince !== null && this.now() - c.heldSince > HOLD_LIMIT_S) {
      // The audio is taking too long to start: let the captions go on without it.
      c.heldSince = null;
      this.clock.resume();
    }
    if (t >= c.duration) {
      this.setCaption(null);
      this.setStatus('ended');
      return;
    }
    if (t < 0) {
      const step = c.steps.find((s) => s.at <= t && t < s.end);
      this.setCaption(step?.sound === 'quiet' ? this.content.locale.ui.quietOnSet : null);
    } else {
      const i = cueAt(c.cues, t);
      this.setCaption(i >= 0 ? c.cues[i]!.text : null);
    }
  }

  /**
   * A set sound on its own (the take's bell and slate clap), loading the sound engine if needed.
   * Resolves false where it cannot be heard (no engine, muted by the browser, sprite not loaded).
   */
  async playSetSound(name: SetSound): Promise<boolean> {
    const engine = await this.ensureEngine();
    if (!engine || this.disposed) return false;
    engine.playSetSound(name);
    return this.sound === 'ok';
  }

  /** Live sound instances and what is playing (tests and the soak read this). */
  debug(): Record<string, unknown> {
    return { ...this.view, time: this.current ? this.clock.time() : null, engine: this.engine?.debug() ?? null, sounds: this.engine?.soundCounts() ?? null };
  }

  private requestNarration(c: Current): void {
    c.requested = true;
    const stillWanted = (): boolean => this.current === c && this.status === 'playing';
    void Promise.all([this.ensureEngine(), this.files.manifest()]).then(([engine, manifest]) => {
      const entry = manifest?.stations[c.station.id];
      if (!engine || !entry || !stillWanted()) return;
      if (this.sound === 'blocked') return; // captions run on; a tap brings the sound in
      this.clock.hold();
      c.heldSince = this.now();
      const url = this.url(entry.audio, manifest!.locale);
      engine.playNarration(url, () => this.clock.time(), {
        onPlay: (at, duration) => {
          if (!stillWanted()) {
            engine.stopNarration();
            return;
          }
          c.heldSince = null;
          c.duration = Math.max(c.duration, duration); // a longer recording than the manifest says
          this.clock.sync(at);
          this.clock.resume();
          this.setSound('ok');
        },
        onBlocked: () => {
          if (this.current !== c) return;
          c.heldSince = null;
          if (this.status === 'playing') this.clock.resume();
          this.setSound('blocked');
        },
        onError: (why) => {
          this.warnOnce(url, `Backlot: narration ${url} ${why}; the captions carry on without sound.`);
          if (this.current !== c) return;
          c.heldSince = null;
          if (this.status === 'playing') this.clock.resume();
        },
      });
    });
  }

  private unlocked(): void {
    if (this.sound !== 'blocked') return;
    this.setSound('ok');
    const c = this.current;
    if (c && this.status === 'playing' && this.clock.time() >= 0) this.requestNarration(c);
  }

  private disposed = false;

  private ensureEngine(): Promise<SoundEngine | null> {
    this.engineLoading ??= this.loadEngine()
      .then(({ SoundEngine }) => {
        if (this.disposed) return null;
        const engine = new SoundEngine({ ...this.prefs, muted: this.prefs.muted || this.hushed }, (m) => console.warn(`Backlot: ${m}`));
        if (!engine.available) {
          this.setSound('unavailable');
          console.warn('Backlot: this browser cannot play sound (no Web Audio); captions carry the narration.');
          return null;
        }
        const { set } = this.content;
        engine.setAmbience(set.audio, set.stations.flatMap((s) => (s.ambience ? [{ x: s.position[0], z: s.position[1], ambience: s.ambience }] : [])), this.base);
        engine.onUnlock(() => this.unlocked());
        this.engine = engine;
        void this.files.manifest().then((m) => m && engine.loadSetSounds(this.url(m.setSounds.audio, m.locale), m.setSounds.sprite));
        return engine;
      })
      .catch((err: unknown) => {
        // Offline or a failed deploy: captions carry the narration; the next arrival tries again.
        this.engineLoading = null;
        this.warnOnce('engine', `Backlot: the sound player could not be loaded (${err instanceof Error ? err.message : String(err)}); captions carry the narration.`);
        return null;
      });
    return this.engineLoading;
  }

  private url(file: string, code = this.content.locale.locale): string {
    return `${this.base}${narrationFolder(code)}${file}`;
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(message);
  }

  private setCaption(caption: string | null): void {
    if (caption === this.caption) return;
    this.caption = caption;
    this.onChange(this.view);
  }

  private setStatus(status: NarrationStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.onChange(this.view);
  }

  private setSound(sound: SoundState): void {
    if (sound === this.sound || this.sound === 'unavailable') return;
    this.sound = sound;
    this.onChange(this.view);
  }
}
