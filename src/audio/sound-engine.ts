import { Howl, Howler } from 'howler';
import type { AmbienceDef, SetAudio } from '../content/types';
import type { SetSound } from './manifest';

/**
 * Everything that makes a sound, on Howler (Web Audio). Loaded lazily, on a visitor's first
 * arrival at a station, so none of it (code or audio) is part of the first load.
 *
 * - Narration: one Howl at a time (the station being visited); the previous one is unloaded.
 * - Set sounds: a per-language sprite (slate clap, stage bell, "quiet on set").
 * - Ambience: spatial loops placed at stations, heard from the listener (the camera, which is
 *   the visitor's head in VR), started when near and stopped when far; a room-tone bed under all.
 *   It is ducked while narration plays.
 *
 * Nothing here plays while the browser holds audio back (autoplay policy): the caller is told,
 * shows a "tap for sound" prompt and keeps captions running; onUnlock fires once sound can play.
 */

export interface NarrationCallbacks {
  /** The narration is audible from `at` seconds. */
  onPlay(at: number): void;
  onBlocked(): void;
  /** The file could not be loaded or decoded. */
  onError(message: string): void;
}

export interface StationSound {
  readonly x: number;
  readonly z: number;
  readonly ambience: string;
}

const HEAR_WITHIN = 9;
const STOP_BEYOND = 11;
const DUCKED = 0.3;
const PANNER = { panningModel: 'HRTF', distanceModel: 'inverse', refDistance: 1.5, rolloffFactor: 1.6, maxDistance: 40, coneInnerAngle: 360, coneOuterAngle: 360, coneOuterGain: 0 } as const;

interface Ambience {
  readonly howl: Howl;
  readonly def: AmbienceDef;
  failed: boolean;
}

export class SoundEngine {
  private narration: { url: string; howl: Howl; id: number | null; callbacks: NarrationCallbacks } | null = null;
  private sprite: { url: string; howl: Howl } | null = null;
  private readonly ambience = new Map<string, Ambience>();
  /** Playing ambience sound ids by station index. */
  private readonly placed = new Map<number, { amb: Ambience; id: number }>();
  private bed: { amb: Ambience; id: number | null } | null = null;
  private stations: readonly StationSound[] = [];
  private ducked = false;
  private unlockListeners: (() => void)[] = [];
  private lastPlace = -1;
  private readonly warned = new Set<string>();

  constructor(
    prefs: { muted: boolean; volume: number },
    private readonly warn: (message: string) => void,
  ) {
    Howler.autoUnlock = true;
    Howler.volume(prefs.volume);
    Howler.mute(prefs.muted);
  }

  /** Audio is possible at all here (Web Audio exists). */
  get available(): boolean {
    return !Howler.noAudio && Howler.usingWebAudio;
  }

  /** Sound can play now (the browser is not holding it back). */
  get running(): boolean {
    return Howler.ctx?.state === 'running';
  }

  /** Tries to start the audio context; true once it runs. From a tap this always succeeds. */
  async unlock(waitMs = 300): Promise<boolean> {
    const ctx = Howler.ctx as AudioContext | undefined;
    if (!ctx) return false;
    if (ctx.state !== 'running') {
      await Promise.race([ctx.resume().catch(() => undefined), new Promise((r) => setTimeout(r, waitMs))]);
    }
    return ctx.state === 'running';
  }

  /** Called whenever held-back sound becomes possible (after any tap, via Howler's auto-unlock). */
  onUnlock(listener: () => void): void {
    this.unlockListeners.push(listener);
    this.watchContext();
  }

  private watched: AudioContext | null = null;
  /** Howler makes its AudioContext with the first Howl; watch it for the browser letting sound play. */
  private watchContext(): void {
    const ctx = Howler.ctx as AudioContext | undefined;
    if (!ctx || this.watched === ctx) return;
    this.watched = ctx;
    ctx.addEventListener('statechange', () => {
      if (ctx.state !== 'running') return;
      this.startAmbienceIfIdle();
      for (const l of this.unlockListeners) l();
    });
  }

  setMuted(muted: boolean): void {
    Howler.mute(muted);
  }

  setVolume(volume: number): void {
    Howler.volume(volume);
  }

  /** Loads (and then plays from `at`) a narration file; replaces any other narration. */
  playNarration(url: string, at: number, callbacks: NarrationCallbacks): void {
    if (this.narration?.url !== url) {
      this.stopNarration();
      this.narration?.howl.unload();
      const howl = new Howl({ src: [url], html5: false, preload: true });
      this.narration = { url, howl, id: null, callbacks };
      this.watchContext();
      howl.on('loaderror', (_id, err) => this.narrationFailed(url, `could not be loaded (${String(err)})`));
      howl.on('playerror', (_id, err) => this.narrationFailed(url, `could not be played (${String(err)})`));
      howl.on('end', () => {
        if (this.narration?.url === url) this.narration.id = null;
        this.duck(false);
      });
    } else {
      this.narration.callbacks = callbacks;
    }
    const n = this.narration!;
    if (n.howl.state() === 'unloaded') {
      callbacks.onError('could not be loaded');
      return;
    }
    void this.unlock().then((running) => {
      if (this.narration !== n || n.callbacks !== callbacks) return; // superseded meanwhile
      if (!running) {
        callbacks.onBlocked();
        return;
      }
      const start = (): void => {
        if (this.narration !== n || n.callbacks !== callbacks) return;
        if (n.id !== null) n.howl.stop(n.id);
        const duration = n.howl.duration();
        if (at >= duration) return;
        const id = n.howl.play();
        n.id = id;
        n.howl.seek(Math.max(0, at), id);
        this.duck(true);
        callbacks.onPlay(Math.max(0, at));
      };
      if (n.howl.state() === 'loaded') start();
      else n.howl.once('load', start);
    });
  }

  private narrationFailed(url: string, why: string): void {
    const n = this.narration;
    if (n?.url !== url) return;
    n.id = null;
    this.duck(false);
    n.callbacks.onError(why);
  }

  /** Seconds into the narration while it is audible, else null. */
  narrationTime(): number | null {
    const n = this.narration;
    if (!n || n.id === null || !n.howl.playing(n.id)) return null;
    const t = n.howl.seek(n.id);
    return typeof t === 'number' ? t : null;
  }

  pauseNarration(): void {
    const n = this.narration;
    if (n && n.id !== null) n.howl.pause(n.id);
    this.duck(false);
  }

  stopNarration(): void {
    const n = this.narration;
    if (n && n.id !== null) n.howl.stop(n.id);
    if (n) n.id = null;
    this.duck(false);
  }

  /** Plays one of the language's set sounds, if sound is running (never queued for later). */
  playSetSound(url: string, sprite: Readonly<Record<SetSound, readonly [number, number]>>, name: SetSound): void {
    if (!this.running) return;
    if (this.sprite?.url !== url) {
      this.sprite?.howl.unload();
      const howl = new Howl({ src: [url], sprite: { ...sprite } as unknown as Record<string, [number, number]>, preload: true });
      howl.on('loaderror', () => this.warnOnce(url, `${url} could not be loaded; the set sounds are skipped.`));
      this.sprite = { url, howl };
    }
    this.sprite.howl.play(name);
  }

  /** Places the set's ambience (call once; sounds start as the listener comes near). */
  setAmbience(audio: SetAudio | undefined, stations: readonly StationSound[], base: string): void {
    if (!audio) return;
    this.stations = stations;
    const make = (id: string, spatial: boolean): Ambience | null => {
      const def = audio.ambience[id];
      if (!def) return null;
      const url = base + def.file;
      const howl = new Howl({ src: [url], sprite: { loop: [def.loop[0], def.loop[1], true] }, volume: def.volume ?? 0.5, preload: true });
      const amb: Ambience = { howl, def, failed: false };
      howl.on('loaderror', () => {
        amb.failed = true;
        this.warnOnce(url, `${url} could not be loaded; that ambience stays silent.`);
      });
      if (spatial) howl.pannerAttr({ ...PANNER });
      return amb;
    };
    for (const s of stations) {
      if (!this.ambience.has(s.ambience)) {
        const amb = make(s.ambience, true);
        if (amb) this.ambience.set(s.ambience, amb);
      }
    }
    if (audio.bed) {
      const amb = make(audio.bed, false);
      if (amb) this.bed = { amb, id: null };
    }
    this.watchContext();
    this.startAmbienceIfIdle();
  }

  private startAmbienceIfIdle(): void {
    const bed = this.bed;
    if (bed && bed.id === null && this.running && !bed.amb.failed) bed.id = bed.amb.howl.play('loop');
    this.lastPlace = -1;
  }

  /**
   * The listener (the visitor's head): position and the camera's forward and up vectors. Starts
   * and stops ambience by distance, at most four times a second.
   */
  updateListener(x: number, y: number, z: number, fx: number, fy: number, fz: number, ux: number, uy: number, uz: number, now: number): void {
    if (!Howler.ctx) return;
    Howler.pos(x, y, z);
    Howler.orientation(fx, fy, fz, ux, uy, uz);
    if (now - this.lastPlace < 250 && this.lastPlace >= 0) return;
    this.lastPlace = now;
    if (!this.running) return;
    this.stations.forEach((s, i) => {
      const d = Math.hypot(s.x - x, s.z - z);
      const playing = this.placed.get(i);
      if (playing && d > STOP_BEYOND) {
        playing.amb.howl.stop(playing.id);
        this.placed.delete(i);
      } else if (!playing && d < HEAR_WITHIN) {
        const amb = this.ambience.get(s.ambience);
        if (!amb || amb.failed) return;
        const id = amb.howl.play('loop');
        amb.howl.pos(s.x, 1.2, s.z, id);
        amb.howl.pannerAttr({ ...PANNER }, id);
        amb.howl.volume(this.level(amb), id);
        this.placed.set(i, { amb, id });
      }
    });
  }

  private level(amb: Ambience): number {
    return (amb.def.volume ?? 0.5) * (this.ducked ? DUCKED : 1);
  }

  /** Lowers the set's ambience under the narration, or brings it back. */
  private duck(on: boolean): void {
    if (this.ducked === on) return;
    this.ducked = on;
    const fade = (amb: Ambience, id: number): void => {
      const to = this.level(amb);
      amb.howl.fade(amb.howl.volume(id) as number, to, 400, id);
    };
    for (const { amb, id } of this.placed.values()) fade(amb, id);
    if (this.bed?.id != null) fade(this.bed.amb, this.bed.id);
  }

  /** Live Howler sound instances (the soak test watches this for leaks). */
  liveSounds(): number {
    const howls = (Howler as unknown as { _howls: { _sounds: unknown[] }[] })._howls;
    return howls.reduce((n, h) => n + h._sounds.length, 0);
  }

  /** What is playing, for tests and the soak: narration file and whether it is audible. */
  debug(): { narration: string | null; narrationPlaying: boolean; ambience: number; bed: boolean; running: boolean; muted: boolean; volume: number; listener: number[]; placed: number[][]; ducked: boolean; narrationTime: number | null } {
    const n = this.narration;
    return {
      volume: Howler.volume(),
      listener: [...Howler.pos()],
      placed: [...this.placed.keys()].map((i) => [this.stations[i]!.x, this.stations[i]!.z]),
      ducked: this.ducked,
      narrationTime: this.narrationTime(),
      narration: n?.url ?? null,
      narrationPlaying: !!n && n.id !== null && n.howl.playing(n.id),
      ambience: this.placed.size,
      bed: this.bed?.id != null,
      running: this.running,
      muted: (Howler as unknown as { _muted: boolean })._muted,
    };
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(message);
  }

  /** Stops every sound (kiosk reset); loaded files stay cached. */
  stopAll(): void {
    this.stopNarration();
    for (const { amb, id } of this.placed.values()) amb.howl.stop(id);
    this.placed.clear();
    this.lastPlace = -1;
  }
}
