import { checkSchema, type Schema } from './schema-check';
import indexSchema from '../../scenes/schema/activities.schema.json';
import wordsSchema from '../../scenes/schema/activity-words.schema.json';
import { ACTIVITIES_FILE, activityFile, activityWordsFile, type ActivitiesFile, type ActivityDef } from './activity-types';
import { reportDuplicateIds, type Checked } from './validate';
import type { ContentProblem, SetFile } from './types';
import type { ActivitySpec, ActivityWords } from '../activities/types';
import { SPECS } from '../activities/specs';

/**
 * Checks of the hands-on activities: scenes/activities.json (each at a real station, one a
 * station, ids unique), each one's settings against its kind's schema and rules, and its words
 * in a language (every key its kind needs, with the placeholders the app fills in). Every problem
 * names the file and the JSON path.
 */

export function validateActivities(json: unknown, set: SetFile, file: string = ACTIVITIES_FILE): Checked<ActivitiesFile> {
  const problems = checkSchema(json, indexSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const index = json as ActivitiesFile;
  const stations = new Set(set.stations.map((s) => s.id));
  reportDuplicateIds(index.activities, (a) => a.id, file, (i) => `$.activities[${i}].id`, 'activity', problems);
  const seenAt = new Map<string, string>();
  index.activities.forEach((a, i) => {
    // The schema's enum and the app's registry should agree; if a kind is listed but not built in, say so here.
    if (!Object.hasOwn(SPECS, a.kind) || SPECS[a.kind] === undefined) problems.push({ file, path: `$.activities[${i}].kind`, message: `"${a.kind}" is not built into this app (src/activities/specs.ts)` });
    if (!stations.has(a.station)) problems.push({ file, path: `$.activities[${i}].station`, message: `"${a.station}" is not a station id in scenes/set.json` });
    const other = seenAt.get(a.station);
    if (other !== undefined) problems.push({ file, path: `$.activities[${i}].station`, message: `"${a.station}" already has the activity "${other}": one activity a station` });
    else seenAt.set(a.station, a.id);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: index };
}

export function specOf(def: ActivityDef): ActivitySpec {
  return SPECS[def.kind];
}

/** One activity's settings file, against its kind's schema, then its kind's own rules. */
export function validateActivityParams(json: unknown, def: ActivityDef, set: SetFile, file: string = activityFile(def.id)): Checked<unknown> {
  const spec = specOf(def);
  const problems = checkSchema(json, spec.schema, file);
  if (problems.length > 0) return { ok: false, problems };
  spec.check(json, (path, message) => problems.push({ file, path, message }), { set, station: def.station });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: json };
}

/** One activity's words in language `code`: the schema, then every key its kind shows, with its placeholders. */
export function validateActivityWords(json: unknown, def: ActivityDef, code: string, file: string = activityWordsFile(def.id, code)): Checked<ActivityWords> {
  const problems = checkSchema(json, wordsSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const words = json as ActivityWords;
  const spec = specOf(def);
  if (words.locale !== code) problems.push({ file, path: '$.locale', message: `is "${words.locale}" but the file is for "${code}"` });
  for (const key of spec.words) {
    const text = Object.hasOwn(words.text, key) ? words.text[key] : undefined;
    if (text === undefined) {
      problems.push({ file, path: '$.text', message: `is missing "${key}" (a ${def.kind} activity shows it)` });
      continue;
    }
    for (const ph of spec.placeholders?.[key] ?? []) {
      if (!text.includes(ph)) problems.push({ file, path: `$.text["${key}"]`, message: `must contain ${ph} (the app fills it in)` });
    }
  }
  for (const key of Object.keys(words.text)) {
    if (!spec.words.includes(key)) problems.push({ file, path: `$.text["${key}"]`, message: `is not a word a ${def.kind} activity shows (a typo?)` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: words };
}

/** Reads and parses one file (null: not there), as audit.ts does. */
export type ReadParsed = (file: string) => Promise<{ ok: true; value: unknown } | { ok: false; problems: ContentProblem[] } | null>;

/** scenes/activities.json is optional (a set without it has no activities); once there, each activity needs its files. */
export async function auditActivities(readJson: ReadParsed, set: SetFile): Promise<ContentProblem[]> {
  const json = await readJson(ACTIVITIES_FILE);
  if (json === null) return [];
  if (!json.ok) return json.problems;
  const index = validateActivities(json.value, set);
  if (!index.ok) return [...index.problems];
  const problems: ContentProblem[] = [];
  const missing = (file: string, why: string): ContentProblem => ({ file, path: '$', message: `is missing: ${why}` });
  for (const def of index.value.activities) {
    const file = activityFile(def.id);
    const params = await readJson(file);
    if (params === null) problems.push(missing(file, `${ACTIVITIES_FILE} lists the activity "${def.id}"`));
    else {
      const checked = params.ok ? validateActivityParams(params.value, def, set, file) : params;
      if (!checked.ok) problems.push(...checked.problems);
    }
    for (const code of set.locales) {
      const wordsFile = activityWordsFile(def.id, code);
      const words = await readJson(wordsFile);
      if (words === null) {
        problems.push(missing(wordsFile, `the activity "${def.id}" needs its words in every language scenes/set.json lists ("${code}")`));
        continue;
      }
      const checked = words.ok ? validateActivityWords(words.value, def, code, wordsFile) : words;
      if (!checked.ok) problems.push(...checked.problems);
    }
  }
  return problems;
}
