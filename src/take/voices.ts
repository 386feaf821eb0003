import { Howl } from 'howler';
import { FETCH_TIMEOUT_MS, fetchWithTimeout } from '../app/fetch';
import { checkTakeCalls, takeCallsFolder, type TakeCallsFile } from './calls-file';

export { takeCallsFile, takeCallsFolder, type TakeCallsFile } from './calls-file';

/**
 * The take's spoken calls in one language: one Howler sprite, assets/audio/take/<code>/calls.mp3,
 * described by calls.json next to it (written by scripts/audio/build-take.ts). Each step's call is
 * a sprite entry named by the step id, spoken in its speaker's own voice.
 *
 * Sound is optional: if the files are missing or broken the take runs silent and its captions
 * still show, so nothing here throws. Muting and the master volume are Howler's global ones (the
 * SoundEngine sets them with Howler.mute/Howler.volume), so they apply here with no extra work.
 */

/** The sprite (about 120 KB) is given this long to download and decode. */
const AUDIO_TIMEOUT_MS = 2 * FETCH_TIMEOUT_MS;

export class TakeVoices {
  private howl: Howl | null = null;
  private sprite: TakeCallsFile['sprite'] = {};
  private loading: Promise<boolean> | null = null;
  private disposed = false;
  /** Ends a wait for the audio at once (dispose() while it loads), rather than at the time limit. */
  private settle: ((loaded: boolean) => void) | null = null;

  constructor(
    private readonly base: string,
    private readonly lang: string,
  ) {}

  /** Fetches calls.json and creates the Howl (preload); resolves false if missing/failed. Never throws. */
  load(): Promise<boolean> {
    return (this.loading ??= this.fetchAndLoad().catch((err: unknown) => {
      console.warn(`Backlot: the take's calls (${this.lang}) could not be loaded (${err instanceof Error ? err.message : String(err)}); the take runs silent.`);
      return false;
    }));
  }

  private async fetchAndLoad(): Promise<boolean> {
    const folder = this.base + takeCallsFolder(this.lang);
    const response = await fetchWithTimeout(`${folder}calls.json`, FETCH_TIMEOUT_MS, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`calls.json: HTTP ${response.status}`);
    const checked = checkTakeCalls(await response.json());
    if (!checked.ok) throw new Error(`calls.json at ${checked.path} ${checked.message}`);
    if (this.disposed) return false;
    const sprite: Record<string, [number, number]> = {};
    for (const [id, [start, length]] of Object.entries(checked.calls.sprite)) sprite[id] = [start, length];
    const howl = new Howl({ src: [folder + checked.calls.audio], sprite, html5: false, preload: true });
    this.howl = howl;
    // Resolves once the audio is decoded: a caller timing the take can then rely on it. Howler's
    // own request has no time limit, and a take must not wait for ever on a stalled download.
    const loaded = await new Promise<boolean>((resolve) => {
      if (howl.state() === 'loaded') return resolve(true);
      this.settle = (ok) => {
        clearTimeout(timer);
        resolve(ok);
      };
      const timer = setTimeout(() => {
        console.warn(`Backlot: ${folder}${checked.calls.audio} did not load in ${AUDIO_TIMEOUT_MS / 1000} s; the take runs silent.`);
        resolve(false);
      }, AUDIO_TIMEOUT_MS);
      howl.once('load', () => {
        clearTimeout(timer);
        resolve(true);
      });
      howl.once('loaderror', (_id, err) => {
        clearTimeout(timer);
        console.warn(`Backlot: ${folder}${checked.calls.audio} could not be loaded (${String(err)}); the take runs silent.`);
        resolve(false);
      });
    });
    this.settle = null;
    // Disposed while decoding, or failed: keep nothing.
    if (!loaded || this.disposed || this.howl !== howl) {
      if (this.howl === howl) this.release();
      return false;
    }
    this.sprite = checked.calls.sprite;
    return true;
  }

  /** Plays a step's call; returns its duration in seconds, or null (not loaded / no entry). */
  play(stepId: string, volume: number): number | null {
    const howl = this.howl;
    const d = this.duration(stepId);
    // Never queued on a Howl still loading: Howler would keep that sound for good (see SoundEngine).
    if (!howl || d === null || howl.state() !== 'loaded') return null;
    const id = howl.play(stepId);
    howl.volume(Math.min(1, Math.max(0, volume)), id);
    return d;
  }

  /** Duration in seconds of a step's call if known, else null. */
  duration(stepId: string): number | null {
    if (!Object.hasOwn(this.sprite, stepId)) return null;
    const entry = this.sprite[stepId];
    return entry ? entry[1] / 1000 : null;
  }

  /** Stops every call still sounding. */
  stop(): void {
    // Howler queues a stop on a Howl that is not loaded for good: only stop a loaded one.
    if (this.howl?.state() === 'loaded') this.howl.stop();
  }

  /** Unloads the Howl; nothing is left playing or loaded, and a load still under way is dropped. */
  dispose(): void {
    this.disposed = true;
    this.stop();
    this.release();
  }

  private release(): void {
    this.settle?.(false);
    this.settle = null;
    this.howl?.unload();
    this.howl = null;
    this.sprite = {};
  }

  /** For tests: how many sounds are playing now. */
  playing(): number {
    const howl = this.howl;
    if (!howl || howl.state() !== 'loaded') return 0;
    const sounds = (howl as unknown as { _sounds: { _id: number }[] })._sounds;
    return sounds.filter((s) => howl.playing(s._id)).length;
  }
}
