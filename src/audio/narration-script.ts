import type { LocaleFile } from '../content/types';

/**
 * What a station's narration says, split the way its captions are shown. Used by the generator
 * (scripts/build-narration.ts) and by the freshness test; the browser never needs it, it reads the
 * WebVTT files the generator wrote.
 *
 * A narration reads the station's panel aloud: title, explanation, then the "how technology is
 * changing it" and "did you know?" sections, each introduced by its heading.
 */

/** Longest caption cue, characters: two lines of about 42. */
export const MAX_CUE_CHARS = 84;

export interface NarrationSection {
  /** Sentences, each split into caption phrases (joined with spaces they give the sentence back). */
  readonly sentences: readonly (readonly string[])[];
}

export interface NarrationScript {
  readonly sections: readonly NarrationSection[];
}

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Ends a heading or title with a full stop unless it already ends a sentence. */
const asSentence = (text: string): string => (/[.!?…:]$/.test(text) ? text : `${text}.`);

/** Splits prose into sentences at . ! ? … followed by a space and a sentence start. */
export function splitSentences(text: string): string[] {
  const t = clean(text);
  if (!t) return [];
  return t.split(/(?<=[.!?…]['’"”»)]?)\s+(?=[¿¡"“«'‘(]?[\p{Lu}\p{N}])/u).map(clean).filter(Boolean);
}

/** Greedy packing of pieces (each keeping its own trailing punctuation) into lines ≤ max. */
function pack(pieces: readonly string[], max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (!line) line = piece;
    else if (line.length + 1 + piece.length <= max) line = `${line} ${piece}`;
    else {
      out.push(line);
      line = piece;
    }
  }
  if (line) out.push(line);
  return out;
}

/** Splits one over-long run of words into nearly equal parts, each ≤ max where words allow. */
function splitWords(text: string, max: number): string[] {
  const words = text.split(' ');
  const parts = Math.ceil(text.length / max);
  const target = text.length / parts;
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > target && out.length < parts - 1) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

/** Caption phrases of one sentence: split at clause punctuation, then at words if still too long. */
export function splitPhrases(sentence: string, max = MAX_CUE_CHARS): string[] {
  const s = clean(sentence);
  if (s.length <= max) return [s];
  const clauses = s.split(/(?<=[,;:—–])\s+/u).flatMap((c) => (c.length <= max ? [c] : splitWords(c, max)));
  return pack(clauses, max);
}

const section = (...texts: string[]): NarrationSection => ({
  sentences: texts.flatMap(splitSentences).map((s) => splitPhrases(s)),
});

export function stationNarration(locale: LocaleFile, stationId: string): NarrationScript {
  const text = locale.stations[stationId];
  if (!text) throw new Error(`${locale.locale}: no text for station ${stationId}`);
  return {
    sections: [
      section(asSentence(text.title), text.explanation),
      section(asSentence(locale.ui.techChangeHeading), text.techChange),
      section(asSentence(locale.ui.didYouKnowHeading), text.didYouKnow),
    ],
  };
}

/** The short "quiet on set" call in the set-sounds sprite. */
export function quietOnSetScript(locale: LocaleFile): NarrationScript {
  return { sections: [section(locale.ui.quietOnSet)] };
}

/** The whole script as one string, sentence by sentence: what the hash in the manifest covers. */
export function scriptText(script: NarrationScript): string {
  return script.sections.map((s) => s.sentences.map((p) => p.join(' ')).join(' ')).join('\n');
}
