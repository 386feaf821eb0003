import { checkSchema, propertyPath, type Schema } from './schema-check';
import lessonSchema from '../../scenes/schema/lesson.schema.json';
import type { ContentProblem, LocaleFile, SetFile } from './types';
import { capProblems, parseJson, reportDuplicateIds, type Checked } from './validate';

/** scenes/lesson.json: the classroom lesson's structure (its text is in each locale's "lesson"). */
export interface LessonFile {
  readonly $schema?: string;
  readonly version: 1;
  /** The seed's "what you will learn", one id each. */
  readonly objectives: readonly string[];
  /** Key takeaways and things to note; every one is covered by at least one quiz question. */
  readonly points: readonly { readonly id: string; readonly kind: 'takeaway' | 'note' }[];
  readonly quiz: readonly QuizQuestion[];
  /** A teacher's choice of stations and their order (default: the whole tour). */
  readonly stations?: readonly string[];
}

export interface QuizQuestion {
  readonly id: string;
  /** The station that teaches the answer: wrong answers send the learner back there. */
  readonly station: string;
  /** Index of the correct choice. */
  readonly answer: number;
  readonly covers: readonly string[];
}

export interface LessonText {
  readonly objectives: Readonly<Record<string, string>>;
  readonly points: Readonly<Record<string, string>>;
  readonly quiz: Readonly<Record<string, { readonly question: string; readonly choices: readonly string[]; readonly feedback: string }>>;
}

export const LESSON_FILE = 'scenes/lesson.json';

/**
 * Checks lesson.json against its schema, the set (stations exist) and one locale's text (every
 * objective, point and question has text; choices line up with the answer). Every point must be
 * covered by a question, so the quiz always reaches every takeaway and note. Ids are looked up as
 * own properties only: a question id "constructor" is an id like any other.
 */
export function validateLesson(raw: unknown, set: SetFile, locale: LocaleFile, localeFile: string, file = LESSON_FILE): Checked<LessonFile> {
  const problems = checkSchema(raw, lessonSchema as Schema, file);
  if (problems.length > 0) return { ok: false, problems };
  const lesson = raw as LessonFile;
  const out: ContentProblem[] = [];
  const p = (f: string, path: string, message: string): void => {
    out.push({ file: f, path, message });
  };
  reportDuplicateIds(lesson.points, (x) => x.id, file, (i) => `$.points[${i}].id`, 'point', out);
  reportDuplicateIds(lesson.quiz, (q) => q.id, file, (i) => `$.quiz[${i}].id`, 'question', out);
  const stations = new Set(set.stations.map((s) => s.id));
  lesson.stations?.forEach((id, i) => {
    if (!stations.has(id)) p(file, `$.stations[${i}]`, `"${id}" is not a station id`);
  });
  const text = (locale as LocaleFile & { lesson?: LessonText }).lesson;
  if (!text) {
    p(localeFile, '$', 'has no "lesson" text (objectives, points and quiz for scenes/lesson.json)');
    return { ok: false, problems: out };
  }
  checkLessonText(lesson, text, localeFile, p);
  const points = new Set(lesson.points.map((x) => x.id));
  const covered = new Set<string>();
  lesson.quiz.forEach((q, i) => {
    if (!stations.has(q.station)) p(file, `$.quiz[${i}].station`, `"${q.station}" is not a station id`);
    q.covers.forEach((c, j) => {
      if (!points.has(c)) p(file, `$.quiz[${i}].covers[${j}]`, `"${c}" is not a point id`);
      covered.add(c);
    });
    const t = Object.hasOwn(text.quiz, q.id) ? text.quiz[q.id] : undefined;
    if (t && q.answer >= t.choices.length) p(file, `$.quiz[${i}].answer`, `is ${q.answer}, but question "${q.id}" has ${t.choices.length} choices in ${localeFile}`);
  });
  lesson.points.forEach((pt, i) => {
    if (!covered.has(pt.id)) p(file, `$.points[${i}]`, `"${pt.id}" is not covered by any quiz question`);
  });
  return out.length > 0 ? { ok: false, problems: out } : { ok: true, value: lesson };
}

/** Every objective, point and question has its text in the locale, and the locale has no text for ids the lesson lacks. */
function checkLessonText(lesson: LessonFile, text: LessonText, localeFile: string, p: (f: string, path: string, message: string) => void): void {
  const sections = [
    ['objectives', 'objective', lesson.objectives],
    ['points', 'point', lesson.points.map((x) => x.id)],
    ['quiz', 'question', lesson.quiz.map((q) => q.id)],
  ] as const;
  for (const [section, what, ids] of sections) {
    const have = text[section];
    const base = `$.lesson.${section}`;
    ids.forEach((id, i) => {
      if (!Object.hasOwn(have, id)) p(localeFile, propertyPath(base, id), `has no text for ${what} "${id}" (scenes/lesson.json $.${section}[${i}])`);
    });
    const known = new Set<string>(ids);
    for (const id of Object.keys(have)) if (!known.has(id)) p(localeFile, propertyPath(base, id), `"${id}" is not ${what === 'objective' ? 'an' : 'a'} ${what} in scenes/lesson.json (check the spelling)`);
  }
}

/** Loads scenes/lesson.json and checks it against the loaded content's set and language. */
export async function loadLesson(read: (file: string) => Promise<string | null>, content: { readonly set: SetFile; readonly locale: LocaleFile }): Promise<Checked<LessonFile>> {
  let text: string | null;
  try {
    text = await read(LESSON_FILE);
  } catch (err) {
    return { ok: false, problems: [{ file: LESSON_FILE, path: '$', message: `could not be read: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  if (text === null) return { ok: false, problems: [{ file: LESSON_FILE, path: '$', message: 'is missing (not found)' }] };
  const parsed = parseJson(text, LESSON_FILE);
  if (!parsed.ok) return { ok: false, problems: capProblems(parsed.problems) };
  const checked = validateLesson(parsed.value, content.set, content.locale, `scenes/locales/${content.locale.locale}.json`);
  return checked.ok ? checked : { ok: false, problems: capProblems(checked.problems) };
}
