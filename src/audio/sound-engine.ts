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

interface Narrated {
  readonly url: string;
  readonly howl: Howl;
  id: number | null;
  callbacks: NarrationCallbacks;
  failed: boolean;
}

export interface NarrationCallbacks {
  /** The narration is audible from `at` seconds; the file is `duration` seconds long. */
  onPlay(at: number, duration: number): void;
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
  private narration: Narrated | null = null;
  /** Bumped by every play, pause and stop: a start still waiting for its file checks it. */
  private request = 0;
  private sprite: { url: string; howl: Howl; failed: boolean } | null = null;
  private readonly ambience = new Map<string, Ambience>();
  /** Playing ambience sound ids by station index. */
  private readonly placed = new Map<number, { amb: Ambience; id: number }>();
  private bed: { amb: Ambience; id: number | null } | null = null;
  private stations: readonly StationSound[] = [];
  private ducked = false;
  private unlockListeners: (() => void)[] = [];
  private lastPlace = -1;
  /** Last listener pose given to Howler: position, forward, up. */
  private readonly listener: number[] = new Array<number>(9).fill(Infinity);
  private readonly warned = new Set<string>();

  constructor(
    prefs: { muted: boolean; volume: number },
    private readonly warn: (message: string) => void,
  ) {
    Howler.autoUnlock = true;
    // Howler suspends the AudioContext after 30 s of silence; a suspended context would then look
    // like a browser holding sound back, and the ambience would not start again by itself.
    Howler.autoSuspend = false;
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

  /**
   * Loads a narration file and plays it from `from()` seconds (asked when the sound really starts,
   * so a slow load does not start it behind the captions). Replaces any other narration; a later
   * play, pause or stop cancels a start that is still waiting for the file.
   */
  playNarration(url: string, from: () => number, callbacks: NarrationCallbacks): void {
    if (this.narration?.url !== url) {
      this.stopNarration();
      this.narration?.howl.unload();
      const howl = new Howl({ src: [url], html5: false, preload: true });
      const n: Narrated = { url, howl, id: null, callbacks, failed: false };
      this.narration = n;
      this.watchContext();
      // Each handler checks it still belongs to the current Howl: an unloaded one can still fire.
      howl.on('loaderror', (_id, err) => this.narrationFailed(n, `could not be loaded (${String(err)})`));
      howl.on('playerror', (_id, err) => this.narrationFailed(n, `could not be played (${String(err)})`));
      howl.on('end', () => {
        if (this.narration !== n) return;
        n.id = null;
        this.duck(false);
      });
    } else {
      this.narration.callbacks = callbacks;
    }
    const n = this.narration!;
    const request = ++this.request;
    if (n.failed) {
      callbacks.onError('could not be loaded');
      return;
    }
    void this.unlock().then((running) => {
      if (this.narration !== n || this.request !== request) return; // cancelled or superseded meanwhile
      if (!running) {
        callbacks.onBlocked();
        return;
      }
      const start = (): void => {
        if (this.narration !== n || this.request !== request || n.failed) return;
        if (n.id !== null) n.howl.stop(n.id);
        const at = Math.max(0, from());
        const duration = n.howl.duration();
        if (at >= duration) return;
        const id = n.howl.play();
        n.id = id;
        n.howl.seek(at, id);
        this.duck(true);
        callbacks.onPlay(at, duration);
      };
      if (n.howl.state() === 'loaded') start();
      else n.howl.once('load', start);
    });
  }

  private narrationFailed(n: Narrated, why: string): void {
    n.failed = true;
    if (this.narration !== n) return;
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
    this.request++;
    const n = this.narration;
    if (n && n.id !== null) n.howl.pause(n.id);
    this.duck(false);
  }

  stopNarration(): void {
    this.request++;
    const n = this.narration;
    if (n && n.id !== null) n.howl.stop(n.id);
    if (n) n.id = null;
    this.duck(false);
  }

  /** Loads the language's set-sounds sprite ahead of its first use. */
  loadSetSounds(url: string, sprite: Readonly<Record<SetSound, readonly [number, number]>>): void {
    if (this.sprite?.url === url) return;
    this.sprite?.howl.unload();
    const howl = new Howl({ src: [url], sprite: { ...sprite } as unknown as Record<string, [number, number]>, preload: true });
    const entry = { url, howl, failed: false };
    howl.on('loaderror', () => {
      entry.failed = true;
      this.warnOnce(url, `${url} could not be loaded; the set sounds are skipped.`);
    });
    this.sprite = entry;
  }

  /** Plays one of the set sounds now, if it can be heard now (never queued for later). */
  playSetSound(name: SetSound): void {
    const sprite = this.sprite;
    if (!this.running || !sprite || sprite.failed || sprite.howl.state() !== 'loaded') return;
    sprite.howl.play(name);
  }

  /** Places the set's ambience (call once; sounds start as the listener comes near). */
  setAmbience(audio: SetAudio | undefined, stations: readonly StationSound[], base: string): void {
    if (!audio) return;
    this.stations = stations;
    // Files load when first wanted (only the loops near the visitor), after the narration has begun.
    // A loop is only ever played once loaded: Howler queues a play on an unloaded Howl without
    // loading it, and every queued play would be a sound object kept for good (the soak found it).
    const make = (id: string): Ambience | null => {
      const def = audio.ambience[id];
      if (!def) return null;
      const url = base + def.file;
      const howl = new Howl({ src: [url], sprite: { loop: [def.loop[0], def.loop[1], true] }, volume: def.volume ?? 0.5, preload: false });
      const amb: Ambience = { howl, def, failed: false };
      howl.on('loaderror', () => {
        amb.failed = true;
        this.warnOnce(url, `${url} could not be loaded; that ambience stays silent.`);
      });
      return amb;
    };
    for (const s of stations) {
      if (!this.ambience.has(s.ambience)) {
        const amb = make(s.ambience);
        if (amb) this.ambience.set(s.ambience, amb);
      }
    }
    if (audio.bed) {
      const amb = make(audio.bed);
      if (amb) this.bed = { amb, id: null };
    }
    this.watchContext();
    this.startAmbienceIfIdle();
  }

  private startAmbienceIfIdle(): void {
    const bed = this.bed;
    if (bed && bed.id === null && this.running && !bed.amb.failed && this.ready(bed.amb)) bed.id = bed.amb.howl.play('loop');
    this.lastPlace = -1;
  }

  /**
   * The listener (the visitor's head): position and the camera's forward and up vectors. Starts
   * and stops ambience by distance, at most four times a second.
   */
  updateListener(x: number, y: number, z: number, fx: number, fy: number, fz: number, ux: number, uy: number, uz: number, now: number): void {
    if (!Howler.ctx) return;
    const l = this.listener;
    const moved = Math.abs(l[0]! - x) + Math.abs(l[1]! - y) + Math.abs(l[2]! - z) > 0.005 || Math.abs(l[3]! - fx) + Math.abs(l[4]! - fy) + Math.abs(l[5]! - fz) + Math.abs(l[6]! - ux) + Math.abs(l[7]! - uy) + Math.abs(l[8]! - uz) > 0.002;
    if (moved) {
      l.splice(0, 9, x, y, z, fx, fy, fz, ux, uy, uz);
      Howler.pos(x, y, z);
      Howler.orientation(fx, fy, fz, ux, uy, uz);
    }
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
        if (!amb || amb.failed || !this.ready(amb)) return; // a later pass plays it once loaded
        const id = amb.howl.play('loop');
        amb.howl.pos(s.x, 1.2, s.z, id);
        amb.howl.pannerAttr({ ...PANNER }, id);
        amb.howl.volume(this.level(amb), id);
        this.placed.set(i, { amb, id });
      }
    });
  }

  /** True once the loop's file is loaded; starts loading it (then retries the bed) if not. */
  private ready(amb: Ambience): boolean {
    const state = amb.howl.state();
    if (state === 'unloaded') {
      amb.howl.once('load', () => this.startAmbienceIfIdle());
      amb.howl.load();
    }
    return state === 'loaded';
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

  /**
   * Howler's sounds, for the soak test: `live` are playing, paused or queued (not ended); `objects`
   * also counts ended sounds, which Howler keeps for reuse. A Howl only makes a new sound object
   * when none of its ended ones is free, so its objects are as many as it ever played at once, and
   * it drops ended ones beyond its `pool` (5): `pool` sums that limit over the Howls.
   */
  soundCounts(): { howls: number; live: number; objects: number; pool: number; byFile: Record<string, { live: number; objects: number }> } {
    const howls = (Howler as unknown as { _howls: { _src: string | string[]; _pool: number; _sounds: { _ended: boolean }[] }[] })._howls;
    const out = { howls: howls.length, live: 0, objects: 0, pool: 0, byFile: {} as Record<string, { live: number; objects: number }> };
    for (const h of howls) {
      out.pool += h._pool;
      const src = Array.isArray(h._src) ? h._src[0]! : h._src;
      const file = src.slice(src.lastIndexOf('/assets/') + 1);
      const live = h._sounds.filter((s) => !s._ended).length;
      const entry = (out.byFile[file] ??= { live: 0, objects: 0 });
      entry.live += live;
      entry.objects += h._sounds.length;
      out.live += live;
      out.objects += h._sounds.length;
    }
    return out;
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

  /**
   * Stops the narration, any set sound still ringing and the station loops (the kiosk reset): the
   * loops start again by distance from where the next visitor stands; the room tone carries on.
   * Loaded files stay cached.
   */
  stopAll(): void {
    this.stopNarration();
    // Howler queues a stop on a file still loading (or failed) for good: only stop a loaded one.
    const sprite = this.sprite;
    if (sprite && !sprite.failed && sprite.howl.state() === 'loaded') sprite.howl.stop();
    for (const { amb, id } of this.placed.values()) amb.howl.stop(id);
    this.placed.clear();
    this.lastPlace = -1;
  }

  /** Every sound stopped and every file unloaded (the app's teardown). */
  dispose(): void {
    this.stopAll();
    this.unlockListeners = [];
    Howler.unload();
  }
}
