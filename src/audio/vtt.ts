/**
 * A small WebVTT reader for narration captions: cue timings and plain text. Cue settings, ids,
 * NOTE/STYLE/REGION blocks are skipped; markup tags are dropped and entities decoded, because
 * caption text is only ever shown as text, never as HTML.
 */

export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type VttResult = { readonly ok: true; readonly cues: readonly Cue[] } | { readonly ok: false; readonly error: string };

const TIME = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

export function parseTimestamp(text: string): number | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

export function formatTimestamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

function cueText(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, name: string) => ENTITIES[name]!)
    .trim();
}

export function parseVtt(source: string): VttResult {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blocks = text.split(/\n{2,}/);
  const header = blocks.shift() ?? '';
  if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(header)) return { ok: false, error: 'does not start with "WEBVTT"' };
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((l, i) => i > 0 || l.trim() !== '');
    if (lines.length === 0 || /^(NOTE|STYLE|REGION)\b/.test(lines[0]!)) continue;
    const timingAt = lines.findIndex((l) => l.includes('-->'));
    if (timingAt < 0 || timingAt > 1) return { ok: false, error: `cue ${cues.length + 1} has no "start --> end" line` };
    const [from, rest] = lines[timingAt]!.split('-->') as [string, string];
    const start = parseTimestamp(from);
    const end = parseTimestamp(rest.trim().split(/\s+/)[0] ?? '');
    if (start === null || end === null) return { ok: false, error: `cue ${cues.length + 1} has a malformed time "${lines[timingAt]!.slice(0, 60)}"` };
    if (end < start) return { ok: false, error: `cue ${cues.length + 1} ends before it starts` };
    cues.push({ start, end, text: cueText(lines.slice(timingAt + 1)) });
  }
  cues.sort((a, b) => a.start - b.start);
  return { ok: true, cues };
}

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

/** Cue text as WebVTT wants it: & < > escaped, so any text reads back exactly. */
const escapeCue = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeVtt(cues: readonly Cue[]): string {
  return `WEBVTT\n\n${cues.map((c, i) => `${i + 1}\n${formatTimestamp(c.start)} --> ${formatTimestamp(c.end)}\n${escapeCue(c.text)}\n`).join('\n')}`;
}
