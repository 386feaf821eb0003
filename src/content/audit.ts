import { LESSON_FILE, validateLesson } from './lesson';
import { localeFile, readText, SET_FILE, type ReadText } from './load';
import { TAKE_FILE, takeLocaleFile } from './take-types';
import { validateTake, validateTakeLocale } from './take-check';
import { auditActivities } from './activities-check';
import type { ContentProblem, SetFile } from './types';
import { contentWarnings, parseJson, validateLocale, validateSet } from './validate';

export interface ContentAudit {
  /** Every problem found, uncapped (the caller decides how many to show: see capProblems). */
  readonly problems: readonly ContentProblem[];
  /** Valid but worth a museum's attention (the shipped kiosk PIN); never a reason to fail. */
  readonly warnings: readonly ContentProblem[];
}

/** A file parsed, or its problems; with `optional`, null for a file that is not there. */
async function readJson(read: ReadText, file: string): Promise<{ ok: true; value: unknown } | { ok: false; problems: ContentProblem[] }>;
async function readJson(read: ReadText, file: string, o: { optional: true }): Promise<{ ok: true; value: unknown } | { ok: false; problems: ContentProblem[] } | null>;
async function readJson(read: ReadText, file: string, o?: { optional: true }): Promise<{ ok: true; value: unknown } | { ok: false; problems: ContentProblem[] } | null> {
  const got = await readText(read, file, o);
  if (got === null) return null;
  if (!got.ok) return got;
  const parsed = parseJson(got.text, file);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problems: [...parsed.problems] };
}

/** Validates the set, every locale it lists, the lesson against each, the take and the hands-on activities with their words (what `npm run check-content` and the build run). */
export async function auditContent(read: ReadText): Promise<ContentAudit> {
  const setJson = await readJson(read, SET_FILE);
  if (!setJson.ok) return { problems: setJson.problems, warnings: [] };
  const set = validateSet(setJson.value, SET_FILE);
  if (!set.ok) return { problems: set.problems, warnings: [] };
  const problems: ContentProblem[] = [];
  // The lesson is optional content: a set without scenes/lesson.json simply has no classroom mode.
  const lesson = await readJson(read, LESSON_FILE, { optional: true });
  if (lesson && !lesson.ok) problems.push(...lesson.problems);
  for (const code of set.value.locales) {
    const file = localeFile(code);
    const json = await readJson(read, file);
    if (!json.ok) {
      problems.push(...json.problems);
      continue;
    }
    const locale = validateLocale(json.value, set.value, file, code);
    if (!locale.ok) problems.push(...locale.problems);
    else if (lesson?.ok) {
      const checked = validateLesson(lesson.value, set.value, locale.value, file);
      // Problems in lesson.json itself are the same for every language: list them once.
      if (!checked.ok) problems.push(...checked.problems.filter((p) => p.file !== LESSON_FILE || code === set.value.locales[0]));
    }
  }
  problems.push(...(await auditTake(read, set.value)));
  problems.push(...(await auditActivities((file) => readJson(read, file, { optional: true }), set.value)));
  return { problems, warnings: contentWarnings(set.value, SET_FILE) };
}

/** scenes/take.json is optional (a set without it has no take); once it is there, every locale needs its words. */
async function auditTake(read: ReadText, set: SetFile): Promise<ContentProblem[]> {
  const json = await readJson(read, TAKE_FILE, { optional: true });
  if (json === null) return [];
  if (!json.ok) return json.problems;
  const take = validateTake(json.value, set, TAKE_FILE);
  if (!take.ok) return [...take.problems];
  const problems: ContentProblem[] = [];
  for (const code of set.locales) {
    const file = takeLocaleFile(code);
    const words = await readJson(read, file, { optional: true });
    if (words === null) {
      problems.push({ file, path: '$', message: `is missing: ${TAKE_FILE} needs the take's words in every language scenes/set.json lists ("${code}")` });
      continue;
    }
    const checked = words.ok ? validateTakeLocale(words.value, take.value, set, file, code) : words;
    if (!checked.ok) problems.push(...checked.problems);
  }
  return problems;
}

/** Every problem in scenes/ (uncapped), as auditContent finds them. */
export async function checkAllContent(read: ReadText): Promise<ContentProblem[]> {
  return [...(await auditContent(read)).problems];
}
