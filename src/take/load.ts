import { readFile, type ReadText } from '../content/load';
import { deepFreeze } from '../content/problems';
import { TAKE_FILE, takeLocaleFile, type TakeFile, type TakeLocaleFile } from '../content/take-types';
import type { ContentProblem, SetFile } from '../content/types';

/** The build's hashes of the take's files (vite.config.ts): the main chunk does not carry them. */
declare const __BACKLOT_TAKE_HASHES__: Readonly<Record<string, string>> | undefined;
const BUILT: Readonly<Record<string, string>> = typeof __BACKLOT_TAKE_HASHES__ === 'undefined' ? {} : __BACKLOT_TAKE_HASHES__;

export type LoadedTake = { readonly ok: true; readonly take: TakeFile; readonly words: TakeLocaleFile } | { readonly ok: false; readonly problems: readonly ContentProblem[] };

/**
 * Reads scenes/take.json and the visitor's language's scenes/take/<code>.json. A file the build
 * validated byte for byte is only parsed; one edited on a built site is checked in full first
 * (src/content/take-check.ts, loaded only then), and its problems name the file and the JSON path.
 */
export async function loadTake(read: ReadText, set: SetFile, code: string): Promise<LoadedTake> {
  const wordsFile = takeLocaleFile(code);
  const [takeRead, wordsRead] = await Promise.all([readFile(read, TAKE_FILE, BUILT), readFile(read, wordsFile, BUILT)]);
  if (!takeRead.ok || !wordsRead.ok) return { ok: false, problems: [...(takeRead.ok ? [] : takeRead.problems), ...(wordsRead.ok ? [] : wordsRead.problems)] };
  if (takeRead.known && wordsRead.known) {
    // Exactly the bytes the build validated: parsing cannot fail.
    return { ok: true, take: deepFreeze(JSON.parse(takeRead.text) as TakeFile), words: deepFreeze(JSON.parse(wordsRead.text) as TakeLocaleFile) };
  }
  // Edited on the built site: the checkers (and their JSON parser that points at the line) load only now.
  const [{ parseJson }, { validateTake, validateTakeLocale }] = await Promise.all([import('../content/validate'), import('../content/take-check')]);
  const takeJson = parseJson(takeRead.text, TAKE_FILE);
  const wordsJson = parseJson(wordsRead.text, wordsFile);
  if (!takeJson.ok || !wordsJson.ok) return { ok: false, problems: [...(takeJson.ok ? [] : takeJson.problems), ...(wordsJson.ok ? [] : wordsJson.problems)] };
  const take = validateTake(takeJson.value, set, TAKE_FILE);
  if (!take.ok) return { ok: false, problems: take.problems };
  const words = validateTakeLocale(wordsJson.value, take.value, set, wordsFile, code);
  if (!words.ok) return { ok: false, problems: words.problems };
  return { ok: true, take: deepFreeze(take.value), words: deepFreeze(words.value) };
}
