import { toolkit } from './toolkit';
import type { ReadText } from '../content/load';
import { deepFreeze } from '../content/problems';
import { ACTIVITIES_FILE, activityFile, activityWordsFile, type ActivitiesFile, type ActivityDef } from '../content/activity-types';
import type { ContentProblem, SetFile } from '../content/types';
import type { ActivityWords } from './types';

/** The build's hashes of the activities' files (vite.config.ts): the main chunk does not carry them. */
declare const __BACKLOT_ACTIVITY_HASHES__: Readonly<Record<string, string>> | undefined;
const BUILT: Readonly<Record<string, string>> = typeof __BACKLOT_ACTIVITY_HASHES__ === 'undefined' ? {} : __BACKLOT_ACTIVITY_HASHES__;

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly ContentProblem[] };

/** The validators and their JSON parser that points at the line: loaded only for a file edited on the built site. */
const checkers = (): Promise<[typeof import('../content/validate'), typeof import('../content/activities-check')]> =>
  Promise.all([import('../content/validate'), import('../content/activities-check')]);

/**
 * Reads one content file. Exactly the bytes the build validated are only parsed; anything else
 * (a museum's edit of the built site) is parsed and checked in full by `check`, and its problems
 * name the file and the JSON path. Null `text`: the file is optional and not there.
 */
async function readChecked<T>(read: ReadText, file: string, check: (json: unknown, mod: typeof import('../content/activities-check')) => Loaded<T>): Promise<Loaded<T>> {
  const got = await toolkit().readFile(read, file, BUILT);
  if (!got.ok) return got;
  if (got.known) return { ok: true, value: deepFreeze(JSON.parse(got.text) as T) };
  const [{ parseJson }, mod] = await checkers();
  const json = parseJson(got.text, file);
  if (!json.ok) return json;
  const checked = check(json.value, mod);
  return checked.ok ? { ok: true, value: deepFreeze(checked.value) } : checked;
}

/** scenes/activities.json; null when the set has none (the file is optional). */
export async function loadIndex(read: ReadText, set: SetFile): Promise<Loaded<ActivitiesFile> | null> {
  if ((await read(ACTIVITIES_FILE).catch(() => null)) === null) return null;
  return readChecked(read, ACTIVITIES_FILE, (json, m) => m.validateActivities(json, set));
}

export function loadParams(read: ReadText, def: ActivityDef, set: SetFile): Promise<Loaded<unknown>> {
  return readChecked(read, activityFile(def.id), (json, m) => m.validateActivityParams(json, def, set));
}

export function loadWords(read: ReadText, def: ActivityDef, code: string): Promise<Loaded<ActivityWords>> {
  return readChecked(read, activityWordsFile(def.id, code), (json, m) => m.validateActivityWords(json, def, code));
}

/**
 * Its words in the visitor's language or, when that file is not there at all (a language added to
 * a built site before the activities were translated), in the set's default language: the
 * activity still works, in words the visitor may read. A file that is there but broken is reported.
 */
export async function loadWordsOrDefault(read: ReadText, def: ActivityDef, code: string, fallback: string): Promise<Loaded<ActivityWords>> {
  const words = await loadWords(read, def, code);
  if (words.ok || code === fallback || !words.problems.every((p) => p.message.startsWith('is missing'))) return words;
  console.warn(`Backlot: the activity "${def.id}" has no words in "${code}"; showing "${fallback}"`);
  return loadWords(read, def, fallback);
}
