import { FONT_STACK } from '../ui/fonts';

/**
 * Context options for every canvas that becomes a texture. A CPU-backed canvas uploads to the GPU
 * straight from memory; a GPU-accelerated one must be read back first, which cost 0.5–2 s per
 * atlas on software GL (measured in the bench's first-frame time) and gains nothing on headsets.
 */
export const SOFTWARE_CANVAS: CanvasRenderingContext2DSettings = { willReadFrequently: true };

export type TextDirection = 'ltr' | 'rtl';

export interface WrapOptions {
  /** BCP 47 language of the text (the locale code), for word and character boundaries. */
  readonly lang?: string;
}

// --- Line breaking -------------------------------------------------------------------------------
// Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari…: lines break at spaces, as before. Chinese and
// Japanese have no spaces: a line may break between any two characters, except before closing
// punctuation and small kana or after opening brackets (kinsoku). Thai, Lao, Khmer and Myanmar have
// no spaces either but do have words: lines break between the words Intl.Segmenter finds. A word
// wider than the whole line is broken between graphemes (never inside an emoji or a letter with its
// marks), so it still fits.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
const WORDS_WITHOUT_SPACES = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const NO_BREAK_BEFORE = /^[、。，．・：；？！ー゛゜）」』】〕］｝〉》〙〗〟’”｠»‐゠〜～ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ々〻.,;:!?)\]}%…‥]/u;
const NO_BREAK_AFTER = /[「『（【〔［｛〈《〘〖〝‘“｟«([{]$/u;
/** Spaces that break a line; the no-break ones (U+00A0, U+2007, U+202F) glue words together. */
const BREAKING_SPACE = /^[^\S\u00a0\u2007\u202f]+$/u;

interface Segmenters {
  readonly word: Intl.Segmenter | null;
  readonly grapheme: Intl.Segmenter | null;
}
const segmenterCache = new Map<string, Segmenters>();

/** The language if the runtime accepts it as a tag (a bad tag must not throw while drawing). */
function validLang(lang: string | undefined): string | undefined {
  if (lang === undefined) return undefined;
  try {
    return Intl.getCanonicalLocales(lang)[0];
  } catch {
    return undefined;
  }
}

function segmenters(lang: string | undefined): Segmenters {
  const key = lang ?? '';
  let found = segmenterCache.get(key);
  if (!found) {
    // Intl.Segmenter: Chrome 87, Safari 14.1, Firefox 125. Older browsers get the fallbacks below.
    const make = (granularity: 'word' | 'grapheme'): Intl.Segmenter | null => (typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(lang, { granularity }) : null);
    found = { word: make('word'), grapheme: make('grapheme') };
    segmenterCache.set(key, found);
  }
  return found;
}

/** User-perceived characters: an emoji with its modifiers or a letter with its marks stays whole. */
export function graphemes(text: string, lang?: string): string[] {
  const seg = segmenters(validLang(lang)).grapheme;
  return seg ? Array.from(seg.segment(text), (s) => s.segment) : Array.from(text);
}

/** Word-level segments (spaces are segments of their own); CJK runs come out one character each. */
function segments(paragraph: string, lang: string | undefined): string[] {
  const seg = segmenters(lang).word;
  const words = seg ? Array.from(seg.segment(paragraph), (s) => s.segment) : (paragraph.match(/\s+|\S+/gu) ?? []);
  return words.flatMap((w) => (CJK.test(w) ? graphemes(w, lang) : [w]));
}

function breakBetween(before: string, after: string): boolean {
  if (NO_BREAK_AFTER.test(before) || NO_BREAK_BEFORE.test(after)) return false;
  const a = Array.from(before.slice(-2)).pop() ?? '';
  const b = String.fromCodePoint(after.codePointAt(0) ?? 32);
  if (CJK.test(a) || CJK.test(b)) return true;
  return WORDS_WITHOUT_SPACES.test(a) && WORDS_WITHOUT_SPACES.test(b);
}

/** Unbreakable pieces of a paragraph, each with whether a (collapsible) space came before it. */
function pieces(paragraph: string, lang: string | undefined): { text: string; spaced: boolean }[] {
  const out: { text: string; spaced: boolean }[] = [];
  let space = false;
  for (const s of segments(paragraph, lang)) {
    if (BREAKING_SPACE.test(s)) {
      space = true;
      continue;
    }
    const last = out[out.length - 1];
    if (last && !space && !breakBetween(last.text, s)) last.text += s;
    else out.push({ text: s, spaced: space && last !== undefined });
    space = false;
  }
  return out;
}

/** Splits text into lines that fit maxWidth with the context's current font ("\n" starts a paragraph). */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number, options: WrapOptions = {}): string[] {
  const lang = validLang(options.lang);
  const fits = (t: string): boolean => ctx.measureText(t).width <= maxWidth;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const piece of pieces(paragraph, lang)) {
      const candidate = line ? `${line}${piece.spaced ? ' ' : ''}${piece.text}` : piece.text;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = piece.text;
      if (!fits(line)) {
        // Wider than a whole line on its own: break it between graphemes.
        const parts = breakLongWord(line, fits, lang);
        line = parts.pop()!;
        lines.push(...parts);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Chunks of `word` that each fit (at least one grapheme each); the last chunk continues the line. */
function breakLongWord(word: string, fits: (t: string) => boolean, lang: string | undefined): string[] {
  const chunks: string[] = [];
  let chunk = '';
  for (const g of graphemes(word, lang)) {
    if (chunk && !fits(chunk + g)) {
      chunks.push(chunk);
      chunk = g;
    } else chunk += g;
  }
  chunks.push(chunk);
  return chunks;
}

/** `text` cut to fit maxWidth with "…" (between graphemes), or as it is when it fits. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number, lang?: string): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const gs = graphemes(text, lang);
  let n = gs.length;
  while (n > 1 && ctx.measureText(`${gs.slice(0, n).join('')}…`).width > maxWidth) n--;
  return `${gs.slice(0, n).join('')}…`;
}

export const font = (px: number, bold = false): string => `${bold ? 700 : 400} ${Math.round(px)}px ${FONT_STACK}`;

// --- The explanation panel -----------------------------------------------------------------------

export interface PanelSection {
  readonly heading?: string;
  readonly body: string;
}

export interface PanelSpec {
  readonly kicker: string;
  readonly kickerColor: string;
  readonly title: string;
  readonly sections: readonly PanelSection[];
  readonly footer?: string;
  /** 1, 1.25 or 1.5: the visitor's text-size setting. */
  readonly scale: number;
  readonly highContrast: boolean;
  /** The locale's direction (LocaleFile.dir): right-to-left text is right-aligned. Default ltr. */
  readonly dir?: TextDirection;
  /** The locale's code, for line breaking and the kicker's capitals. */
  readonly lang?: string;
}

export interface PanelImage {
  readonly canvas: HTMLCanvasElement;
  /** Width and height in metres at which the canvas should be shown. */
  readonly width: number;
  readonly height: number;
}

/** Pixels per metre of panel: high enough that text stays crisp at reading distance. */
const PX_PER_M = 1000;
/** Tallest panel drawn (px): a 4 m panel is unreadable anyway, and bigger textures fail on headsets. */
export const MAX_PANEL_PX = 4096;

type Line = { text: string; font: string; color: string; size: number; gapBefore: number };
const lineHeight = (l: Line): number => l.size * 1.32;

function upper(text: string, lang: string | undefined): string {
  const tag = validLang(lang);
  return tag ? text.toLocaleUpperCase(tag) : text.toUpperCase();
}

/** The panel's lines, wrapped to `inner` px, in drawing order. */
function layoutPanel(ctx: CanvasRenderingContext2D, spec: PanelSpec, inner: number): Line[] {
  const s = spec.scale;
  const sizes = { kicker: 26 * s, title: 54 * s, heading: 28 * s, body: 32 * s, footer: 26 * s };
  const fg = spec.highContrast ? '#ffffff' : '#f1efe9';
  const muted = spec.highContrast ? '#ffffff' : '#c9c4b8';
  const accent = spec.highContrast ? '#ffe14d' : '#ffd166';
  const lines: Line[] = [];
  const add = (text: string, f: string, color: string, size: number, gapBefore: number): void => {
    ctx.font = f;
    wrapText(ctx, text, inner, { lang: spec.lang }).forEach((t, i) => lines.push({ text: t, font: f, color, size, gapBefore: i === 0 ? gapBefore : 0 }));
  };
  add(upper(spec.kicker, spec.lang), font(sizes.kicker, true), spec.highContrast ? accent : spec.kickerColor, sizes.kicker, 0);
  add(spec.title, font(sizes.title, true), fg, sizes.title, 10 * s);
  spec.sections.forEach((section, i) => {
    if (section.heading) add(section.heading, font(sizes.heading, true), accent, sizes.heading, (i === 0 ? 22 : 30) * s);
    add(section.body, font(sizes.body), i === 0 ? fg : muted, sizes.body, section.heading ? 8 * s : 22 * s);
  });
  if (spec.footer) add(spec.footer, font(sizes.footer), muted, sizes.footer, 30 * s);
  return lines;
}

/** Drops lines past maxHeight, ending the last one kept with "…". */
function clampLines(lines: Line[], maxHeight: number): Line[] {
  let h = 0;
  const kept: Line[] = [];
  for (const l of lines) {
    if (h + l.gapBefore + lineHeight(l) > maxHeight) {
      const last = kept[kept.length - 1];
      if (last) last.text += '…';
      break;
    }
    h += l.gapBefore + lineHeight(l);
    kept.push(l);
  }
  return kept;
}

/**
 * Draws an explanation panel: a dark card with a coloured kicker (stage or department), a title and
 * titled sections. The panel grows wider and taller with the text-size setting instead of shrinking
 * the text, so "large text" really is larger in the scene. Right-to-left text is set right-aligned
 * with the kicker bar on the right; left-to-right drawing is exactly what it always was.
 */
export function drawPanel(spec: PanelSpec, canvas: HTMLCanvasElement = document.createElement('canvas')): PanelImage {
  const widthM = 1.15 * (0.7 + 0.3 * spec.scale);
  const W = Math.round(widthM * PX_PER_M);
  const pad = 48;
  const ctx = canvas.getContext('2d', SOFTWARE_CANVAS)!;
  const rtl = spec.dir === 'rtl';
  const lines = clampLines(layoutPanel(ctx, spec, W - pad * 2), MAX_PANEL_PX - pad * 2);
  const contentH = lines.reduce((h, l) => h + l.gapBefore + lineHeight(l), 0);
  const H = Math.ceil(contentH + pad * 2);
  canvas.width = W;
  canvas.height = H;

  ctx.clearRect(0, 0, W, H);
  ctx.beginPath();
  ctx.roundRect(0, 0, W, H, 28);
  ctx.fillStyle = spec.highContrast ? '#000000' : 'rgba(18, 20, 26, 0.97)';
  ctx.fill();
  ctx.lineWidth = spec.highContrast ? 8 : 4;
  ctx.strokeStyle = spec.highContrast ? '#ffffff' : spec.kickerColor;
  ctx.stroke();
  ctx.fillStyle = spec.kickerColor;
  ctx.fillRect(rtl ? W - pad - 90 : pad, pad - 22, 90, 8);

  let y = pad;
  ctx.textBaseline = 'top';
  if (rtl) {
    // Resizing the canvas above reset its state, so this holds for this drawing only.
    ctx.direction = 'rtl';
    ctx.textAlign = 'right';
  }
  const x = rtl ? W - pad : pad;
  for (const l of lines) {
    y += l.gapBefore;
    ctx.font = l.font;
    ctx.fillStyle = l.color;
    ctx.fillText(l.text, x, y + (lineHeight(l) - l.size) / 2);
    y += lineHeight(l);
  }
  return { canvas, width: W / PX_PER_M, height: H / PX_PER_M };
}
