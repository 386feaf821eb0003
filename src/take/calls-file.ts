/**
 * calls.json, the description of one language's take calls sprite (assets/audio/take/<code>/),
 * written by scripts/audio/build-take.ts and read by TakeVoices (./voices.ts). Kept apart from
 * voices.ts so the generator and the tests can use it without loading Howler.
 */

export interface TakeCallsFile {
  readonly locale: string;
  /** Plain file name in the same folder. */
  readonly audio: string;
  /** Howler sprite: step id → [start ms, duration ms]. */
  readonly sprite: Readonly<Record<string, readonly [number, number]>>;
  /** step id → sha256 (hex) of the call's text and its voice (see scripts/audio/take-calls.ts). */
  readonly text: Readonly<Record<string, string>>;
}

export const takeCallsFolder = (code: string): string => `assets/audio/take/${code}/`;
export const takeCallsFile = (code: string): string => `${takeCallsFolder(code)}calls.json`;

const FILE = /^[a-z0-9][a-z0-9._-]*\.(mp3|ogg|webm|m4a|wav)$/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed calls.json, naming the first problem's path. Never throws. */
export function checkTakeCalls(raw: unknown): { ok: true; calls: TakeCallsFile } | { ok: false; path: string; message: string } {
  const fail = (path: string, message: string): { ok: false; path: string; message: string } => ({ ok: false, path, message });
  if (!isObj(raw)) return fail('$', 'must be an object');
  if (typeof raw.locale !== 'string') return fail('$.locale', 'must be a string');
  if (typeof raw.audio !== 'string' || !FILE.test(raw.audio)) return fail('$.audio', 'must be a plain audio file name in the same folder');
  if (!isObj(raw.sprite)) return fail('$.sprite', 'must be an object');
  for (const [id, r] of Object.entries(raw.sprite)) {
    if (!Array.isArray(r) || r.length !== 2 || !r.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) || !(r[1] > 0)) {
      return fail(`$.sprite.${id}`, 'must be [start ms, duration ms] with a positive duration');
    }
  }
  if (!isObj(raw.text)) return fail('$.text', 'must be an object');
  for (const [id, h] of Object.entries(raw.text)) if (typeof h !== 'string') return fail(`$.text.${id}`, 'must be a string');
  return { ok: true, calls: raw as unknown as TakeCallsFile };
}
