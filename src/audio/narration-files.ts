import type { Content } from '../content/types';
import { checkManifest, manifestFile, narrationFolder, type NarrationManifest } from './manifest';
import { stationNarration } from './narration-script';
import { parseVtt, type Cue } from './vtt';

/** Seconds of caption per character when a station has no caption file (about 150 words a minute). */
const FALLBACK_CHARS_PER_S = 14;
/** Silence between sentences in made-up captions, seconds (as the generator leaves between them). */
export const GAP = 0.35;

/**
 * What the narration's files say: the language's manifest and each station's captions, fetched
 * once and kept (a failure is not kept, so the next arrival asks again), or captions made from the
 * station text when a caption file is missing. Every problem is warned about once, by file.
 */
export class NarrationFiles {
  private loadingManifest: Promise<NarrationManifest | null> | null = null;
  private readonly loadingCaptions = new Map<string, Promise<readonly Cue[] | null>>();

  constructor(
    private readonly content: Content,
    private readonly base: string,
    private readonly warnOnce: (key: string, message: string) => void,
  ) {}

  private async fetchText(file: string): Promise<string | null> {
    try {
      const res = await fetch(this.base + file, { cache: 'no-cache' });
      if (!res.ok) {
        this.warnOnce(file, `Backlot: ${file} could not be loaded (HTTP ${res.status}); the captions are made from the station text instead.`);
        return null;
      }
      return await res.text();
    } catch (err) {
      this.warnOnce(file, `Backlot: ${file} could not be loaded (${err instanceof Error ? err.message : String(err)}).`);
      return null;
    }
  }

  manifest(): Promise<NarrationManifest | null> {
    const file = manifestFile(this.content.locale.locale);
    const loading = (this.loadingManifest ??= this.fetchText(file).then((text) => {
      if (text === null) return null;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        this.warnOnce(file, `Backlot: ${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); narration is off.`);
        return null;
      }
      const checked = checkManifest(raw);
      if (!checked.ok) {
        this.warnOnce(file, `Backlot: ${file} at ${checked.path} ${checked.message}; narration is off.`);
        return null;
      }
      return checked.manifest;
    }));
    // A failure is not kept: the next arrival asks again (a kiosk's network comes back).
    void loading.then((m) => {
      if (m === null && this.loadingManifest === loading) this.loadingManifest = null;
    });
    return loading;
  }

  captions(stationId: string): Promise<readonly Cue[] | null> {
    let cached = this.loadingCaptions.get(stationId);
    if (!cached) {
      cached = this.manifest().then(async (manifest) => {
        const entry = manifest?.stations[stationId];
        if (!entry) return null;
        const file = `${narrationFolder(manifest!.locale)}${entry.captions}`;
        const text = await this.fetchText(file);
        if (text === null) return null;
        const parsed = parseVtt(text);
        if (!parsed.ok) {
          this.warnOnce(file, `Backlot: ${file} ${parsed.error}; the captions are made from the station text instead.`);
          return null;
        }
        return parsed.cues;
      });
      this.loadingCaptions.set(stationId, cached);
      const mine = cached;
      void mine.then((cues) => {
        if (cues === null && this.loadingCaptions.get(stationId) === mine) this.loadingCaptions.delete(stationId);
      });
    }
    return cached;
  }

  /** Captions from the station text at an even speaking rate, when the caption file is missing. */
  fallbackCues(stationId: string): Cue[] {
    const script = stationNarration(this.content.locale, stationId);
    const cues: Cue[] = [];
    let t = 0.2;
    for (const section of script.sections) {
      for (const sentence of section.sentences) {
        for (const phrase of sentence) {
          const d = Math.max(1.2, phrase.length / FALLBACK_CHARS_PER_S);
          cues.push({ start: t, end: t + d, text: phrase });
          t += d;
        }
        t += GAP;
      }
    }
    return cues;
  }
}
