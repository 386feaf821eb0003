import { capProblems, contentWarnings, deepFreeze, parseJson, validateLocale, validateSet } from './validate';
import type { Content, ContentProblem } from './types';
import { pickLanguage } from '../i18n/language';
import { LESSON_FILE, validateLesson } from './lesson';

/** What the visitor asked for, strongest first: the URL's ?lang=, their stored choice, the browser's languages. */
export interface LanguageWish {
  readonly url?: string | null;
  readonly stored?: string | null;
  readonly browser?: readonly string[];
}

export type ContentResult = { readonly ok: true; readonly content: Content; readonly notices: readonly string[] } | { readonly ok: false; readonly problems: readonly ContentProblem[] };

/** Reads a file's text; the browser passes fetch, the check-content script passes fs. Null = missing. */
export type ReadText = (file: string) => Promise<string | null>;

export const SET_FILE = 'scenes/set.json';
export const localeFile = (code: string): string => `scenes/locales/${code}.json`;

async function readJson(read: ReadText, file: string): Promise<{ ok: true; value: unknown } | { ok: false; problems: ContentProblem[] }> {
  let text: string | null;
  try {
    text = await read(file);
  } catch (err) {
    return { ok: false, problems: [{ file, path: '$', message: `could not be read: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  if (text === null) return { ok: false, problems: [{ file, path: '$', message: 'is missing (not found)' }] };
  const parsed = parseJson(text, file);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problems: [...parsed.problems] };
}

/**
 * Loads scenes/set.json and one locale (the requested one if the set ships it, else the default),
 * validates both and freezes them. Every problem is found; at most MAX_LISTED_PROBLEMS are listed,
 * then one line with how many more.
 */
export async function loadContent(read: ReadText, requestedLocale?: string | null | LanguageWish): Promise<ContentResult> {
  const result = await loadUncapped(read, requestedLocale);
  return result.ok ? result : { ok: false, problems: capProblems(result.problems) };
}

async function loadUncapped(read: ReadText, requestedLocale?: string | null | LanguageWish): Promise<ContentResult> {
  const setJson = await readJson(read, SET_FILE);
  if (!setJson.ok) return setJson;
  const set = validateSet(setJson.value, SET_FILE);
  if (!set.ok) return { ok: false, problems: set.problems };
  const notices: string[] = [];
  const wish: LanguageWish = typeof requestedLocale === 'string' ? { url: requestedLocale } : (requestedLocale ?? {});
  const picked = pickLanguage({ shipped: set.value.locales, fallback: set.value.defaultLocale, ...wish });
  const code = picked.code;
  if (picked.unavailable) notices.push(`Language "${picked.unavailable}" is not available; showing ${code}.`);
  const file = localeFile(code);
  const localeJson = await readJson(read, file);
  if (!localeJson.ok) return localeJson;
  const locale = validateLocale(localeJson.value, set.value, file, code);
  if (!locale.ok) return { ok: false, problems: locale.problems };
  return { ok: true, content: deepFreeze({ set: set.value, locale: locale.value }), notices };
}

export interface ContentAudit {
  /** Every problem found, uncapped (the caller decides how many to show: see capProblems). */
  readonly problems: readonly ContentProblem[];
  /** Valid but worth a museum's attention (the shipped kiosk PIN); never a reason to fail. */
  readonly warnings: readonly ContentProblem[];
}

/** Validates the set, every locale it lists and the lesson against each (what `npm run check-content` runs). */
export async function auditContent(read: ReadText): Promise<ContentAudit> {
  const setJson = await readJson(read, SET_FILE);
  if (!setJson.ok) return { problems: setJson.problems, warnings: [] };
  const set = validateSet(setJson.value, SET_FILE);
  if (!set.ok) return { problems: set.problems, warnings: [] };
  const problems: ContentProblem[] = [];
  // The lesson is optional content: a set without scenes/lesson.json simply has no classroom mode.
  const lesson = (await read(LESSON_FILE).catch(() => null)) === null ? null : await readJson(read, LESSON_FILE);
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
  return { problems, warnings: contentWarnings(set.value, SET_FILE) };
}

/** Every problem in scenes/ (uncapped), as auditContent finds them. */
export async function checkAllContent(read: ReadText): Promise<ContentProblem[]> {
  return [...(await auditContent(read)).problems];
}
