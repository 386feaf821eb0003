/**
 * What the narration needs of its captions every frame: the cue type and which cue shows at a
 * time. Kept apart from the WebVTT reader (src/audio/vtt.ts), which, with the rest of the
 * narration's file handling, is loaded on the first arrival at a station, never in the first load.
 */

export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Silence between sentences in made-up captions, seconds (as the generator leaves between them). */
export const GAP = 0.35;

/** Index of the cue showing at time t (the latest one that has started and not ended), or -1. */
export function cueAt(cues: readonly Cue[], t: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && t < cues[found]!.end ? found : -1;
}
