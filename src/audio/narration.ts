import type { Content } from '../content/types';
import type { SetSound } from './manifest';
import type { NarrationCore } from './narration-core';
import type { AudioPrefs } from './prefs';
import type { SoundEngine } from './sound-engine';

/** Narration: playing (or waiting for its audio), paused by the visitor, or over/skipped. */
export type NarrationStatus = 'idle' | 'playing' | 'paused' | 'ended';
/** Sound: fine (or not tried yet), held back by the browser until a tap, or not possible here. */
export type SoundState = 'ok' | 'blocked' | 'unavailable';

export interface NarrationView {
  readonly station: string | null;
  readonly status: NarrationStatus;
  readonly sound: SoundState;
  readonly caption: string | null;
}

/**
 * Narration and captions for the station being visited: the first load's stand-in for
 * NarrationCore (src/audio/narration-core.ts), which does the work. The core, with the narration's
 * files, their WebVTT reader and the manifest's checks, is imported when a visitor first arrives at
 * a station (or a sound is first wanted), never for the first frame. Until then nothing is playing
 * or shown, so the controls have nothing to act on; the station arrived at and the visitor's sound
 * choices are kept and handed to the core, and from then on every call goes straight to it.
 */
export class Narration {
  private core: NarrationCore | null = null;
  private loading: Promise<NarrationCore | null> | null = null;
  /** The station arrived at before the core was in (null once stopped). */
  private target: string | null = null;
  private hushed = false;
  private disposed = false;
  private warned = false;

  constructor(
    private readonly content: Content,
    private prefs: AudioPrefs,
    private readonly onChange: (view: NarrationView) => void,
    private readonly loadEngine: () => Promise<Pick<typeof import('./sound-engine'), 'SoundEngine'>> = () => import('./sound-engine'),
    private readonly now?: () => number,
    private readonly base?: string,
    private readonly loadCore: () => Promise<Pick<typeof import('./narration-core'), 'NarrationCore'>> = () => import('./narration-core'),
  ) {}

  /** The station whose narration is playing or on its way, if any. */
  get station(): string | null {
    return this.core ? this.core.station : this.target;
  }

  get view(): NarrationView {
    return this.core ? this.core.view : { station: null, status: 'idle', sound: 'ok', caption: null };
  }

  /** The visitor has arrived at a station: its set sounds, then its narration, with captions. */
  arrive(stationId: string): void {
    if (this.core) return this.core.arrive(stationId);
    if (!this.content.set.stations.some((s) => s.id === stationId)) return;
    this.target = stationId;
    void this.load();
  }

  /** Stops narration and captions (panel closed, or a kiosk reset). */
  stop(): void {
    this.target = null;
    this.core?.stop();
  }

  /** As `stop`, and every other sound of the set too (the kiosk's reset for the next visitor). */
  stopAll(): void {
    this.target = null;
    this.core?.stopAll();
  }

  /** Silence for good: the player unloads every file, and a core still loading is never made. */
  dispose(): void {
    this.disposed = true;
    this.target = null;
    this.core?.dispose();
  }

  pause(): void {
    this.core?.pause();
  }

  resume(): void {
    this.core?.resume();
  }

  /** From the top of the narration (the arrival sounds are not repeated). */
  replay(): void {
    this.core?.replay();
  }

  skip(): void {
    this.core?.skip();
  }

  /** From a tap on "Tap for sound": lets the browser start audio, then carries on where the captions are. */
  unlock(): void {
    if (this.core) return this.core.unlock();
    void this.load().then((core) => core?.unlock());
  }

  setPrefs(prefs: AudioPrefs): void {
    this.prefs = prefs;
    this.core?.setPrefs(prefs);
  }

  /** Silences everything without touching the visitor's own mute (the kiosk's attract loop). */
  hush(on: boolean): void {
    this.hushed = on;
    this.core?.hush(on);
  }

  /** The listener's head, for spatial sound (call every frame; cheap when nothing changed). */
  listen(x: number, y: number, z: number, fx: number, fy: number, fz: number, ux: number, uy: number, uz: number): void {
    this.core?.listen(x, y, z, fx, fy, fz, ux, uy, uz);
  }

  /** Advances captions and starts the next sound when its time comes. Call once per frame. */
  tick(): void {
    this.core?.tick();
  }

  /**
   * A set sound on its own (the take's bell and slate clap), loading the sound engine if needed.
   * Resolves false where it cannot be heard (no engine, muted by the browser, sprite not loaded).
   */
  async playSetSound(name: SetSound): Promise<boolean> {
    const core = this.core ?? (await this.load());
    return core ? core.playSetSound(name) : false;
  }

  /** Live sound instances and what is playing (tests and the soak read this). */
  debug(): Record<string, unknown> {
    return this.core ? this.core.debug() : { ...this.view, time: null, engine: null, sounds: null };
  }

  private load(): Promise<NarrationCore | null> {
    // The core asks for the sound player at once: fetched alongside it rather than after it.
    if (!this.loading) void this.loadEngine().catch(() => undefined);
    this.loading ??= this.loadCore()
      .then(({ NarrationCore }) => {
        if (this.disposed) return null;
        const core = new NarrationCore(this.content, this.prefs, this.onChange, this.loadEngine, this.now, this.base);
        if (this.hushed) core.hush(true);
        this.core = core;
        if (this.target !== null) core.arrive(this.target);
        return core;
      })
      .catch((err: unknown) => {
        // Offline before the first arrival, or a failed deploy: the next arrival tries again.
        this.loading = null;
        if (!this.warned) console.warn(`Backlot: the narration could not be loaded (${err instanceof Error ? err.message : String(err)}); no narration or captions until it can.`);
        this.warned = true;
        return null;
      });
    return this.loading;
  }
}
